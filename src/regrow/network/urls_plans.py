"""The addresses of the network's Transfer Plans (included by network/urls.py)."""

from django.urls import path

from regrow.network import views_plans, views_plans_compare, views_plans_items
from regrow.network.views_plans_sections import section_edit

PLANS = "<slug:slug>/plans/"
PLAN = PLANS + "<int:plan_pk>/"
VERSION = PLAN + "versions/<int:number>/"

urlpatterns = [
    path(PLANS, views_plans.plan_list, name="plans"),
    path(PLANS + "start/<int:partner_pk>/", views_plans.plan_start, name="plan_start"),
    path(PLAN, views_plans.plan_page, name="plan"),
    path(VERSION, views_plans.version_page, name="plan_version"),
    path(VERSION + "submit/", views_plans.version_submit, name="plan_submit"),
    path(VERSION + "finalise/", views_plans.version_finalise, name="plan_finalise"),
    path(PLAN + "new-version/", views_plans.version_start, name="plan_new_version"),
    path(PLAN + "sections/<str:key>/", section_edit, name="plan_section"),
    path(PLAN + "compare/", views_plans_compare.compare, name="plan_compare"),
]
for kind in views_plans_items.KINDS:
    urlpatterns += [
        path(PLAN + f"{kind}/", views_plans_items.item_list, {"kind": kind}, name=f"plan_{kind}"),
        path(
            PLAN + f"{kind}/<int:pk>/",
            views_plans_items.item_edit,
            {"kind": kind},
            name=f"plan_{kind[:-1]}",
        ),
        path(
            PLAN + f"{kind}/<int:pk>/remove/",
            views_plans_items.item_remove,
            {"kind": kind},
            name=f"plan_{kind[:-1]}_remove",
        ),
    ]
