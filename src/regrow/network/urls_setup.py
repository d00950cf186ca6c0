"""The network's members' area and the lead's set-up, under the network's address."""

from django.urls import path

from regrow.network.views_members import home, partners, people, setup, stakeholders

MEMBERS = "<slug:slug>/members/"
SETUP = MEMBERS + "setup/"

urlpatterns = [
    path("dashboard/networks/", home.my_networks, name="mine"),
    path(MEMBERS, home.members_home, name="members"),
    path(MEMBERS + "components/<int:pk>/", home.component_detail, name="component"),
    path(
        MEMBERS + "components/<int:pk>/guides/<int:document_pk>/",
        partners.guidance_download,
        name="guidance",
    ),
    path(MEMBERS + "invitations/<str:token>/", people.invitation_accept, name="invitation_accept"),
    path(MEMBERS + "people/", people.people, name="people"),
    path(MEMBERS + "people/invite/", people.invite, name="invite"),
    path(
        MEMBERS + "people/invitations/<int:pk>/withdraw/",
        people.invitation_withdraw,
        name="invitation_withdraw",
    ),
    path(MEMBERS + "people/<int:pk>/remove/", people.member_remove, name="member_remove"),
    path(
        MEMBERS + "partners/<int:pk>/stakeholders/", stakeholders.stakeholders, name="stakeholders"
    ),
    path(
        MEMBERS + "partners/<int:pk>/stakeholders/<int:entry_pk>/",
        stakeholders.stakeholder_edit,
        name="stakeholder",
    ),
    path(
        MEMBERS + "partners/<int:pk>/stakeholders/<int:entry_pk>/delete/",
        stakeholders.stakeholder_delete,
        name="stakeholder_delete",
    ),
    path(SETUP, setup.network_settings, name="setup"),
    path(SETUP + "phases/", setup.phases, name="phases"),
    path(SETUP + "phases/<int:pk>/", setup.phase_edit, name="phase"),
    path(SETUP + "phases/<int:pk>/delete/", setup.phase_delete, name="phase_delete"),
    path(SETUP + "milestones/", setup.milestones, name="milestones"),
    path(SETUP + "milestones/<int:pk>/", setup.milestone_edit, name="milestone"),
    path(SETUP + "milestones/<int:pk>/delete/", setup.milestone_delete, name="milestone_delete"),
    path(SETUP + "partners/", partners.partners, name="partners"),
    path(SETUP + "partners/<int:pk>/", partners.partner_edit, name="partner"),
    path(SETUP + "partners/<int:pk>/remove/", partners.partner_remove, name="partner_remove"),
    path(SETUP + "components/", partners.components, name="components"),
    path(SETUP + "components/<int:pk>/", partners.component_edit, name="component_edit"),
    path(SETUP + "components/<int:pk>/delete/", partners.component_delete, name="component_delete"),
    path(SETUP + "components/<int:pk>/guides/", partners.guidance_add, name="guidance_add"),
    path(
        SETUP + "components/<int:pk>/guides/<int:document_pk>/remove/",
        partners.guidance_remove,
        name="guidance_remove",
    ),
]
