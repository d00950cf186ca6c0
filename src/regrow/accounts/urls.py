from django.urls import path

from regrow.accounts import views

app_name = "accounts"

urlpatterns = [
    path("my-data/", views.my_data, name="my_data"),
    path("my-data.json", views.my_data_download, name="my_data_download"),
    path("delete/", views.account_erase, name="erase"),
]
