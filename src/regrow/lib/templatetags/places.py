"""Template tags for what apps register about places and workspaces (`{% load places %}`).

Templates ask the registries instead of naming another app's URLs, so a new app adds its
section or tool in its own `ready()` and touches no other app's templates.
"""

from django import template

from regrow.lib import places, workspace

register = template.Library()


@register.simple_tag
def place_sections(place) -> list[places.Section]:
    """`{% place_sections place as sections %}`: the place's main navigation, in order,
    without the sections that have nothing to show yet."""
    return places.sections_offered(place) if place else []


@register.simple_tag(takes_context=True)
def workspace_tools(context, town) -> list[workspace.Link]:
    """`{% workspace_tools town as tools %}`: what the signed-in person may open in a town."""
    return workspace.tools_for(context["request"].user, town)


@register.simple_tag(takes_context=True)
def personal_links(context) -> list[workspace.Link]:
    """`{% personal_links as links %}`: pages about the signed-in person's own things."""
    return workspace.personal_links_for(context["request"].user)
