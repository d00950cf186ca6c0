from django.urls import path

from regrow.towns import views

app_name = "towns"

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("<slug:slug>/workspace/", views.workspace, name="workspace"),
    path("<slug:slug>/workspace/invite/", views.invite, name="invite"),
    path("<slug:slug>/workspace/look/", views.branding_settings, name="branding"),
    path(
        "<slug:slug>/workspace/invitations/<int:pk>/withdraw/",
        views.invitation_withdraw,
        name="invitation_withdraw",
    ),
]
