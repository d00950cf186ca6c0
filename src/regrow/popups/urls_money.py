"""The pop-up money pages' addresses (included by popups/urls.py)."""

from django.urls import path

from regrow.popups.views import money, money_funds, money_xlsx

ROUND = "<slug:slug>/popup-rounds/<int:pk>/"
MONEY = ROUND + "money/"
GRANT = MONEY + "grants/<int:grant_pk>/"

urlpatterns = [
    path(MONEY, money.round_money, name="round_money"),
    path(ROUND + "money.xlsx", money_xlsx.round_money_xlsx, name="round_money_xlsx"),
    path(MONEY + "fund/", money.round_fund, name="round_fund"),
    path(MONEY + "popups/<int:sublease_pk>/grants/", money.grant_approve, name="grant_approve"),
    path(GRANT + "pay/", money.grant_pay, name="grant_pay"),
    path(GRANT + "cancel/", money.grant_cancel, name="grant_cancel"),
    path(GRANT + "evidence/", money.grant_evidence, name="grant_evidence"),
    path("<slug:slug>/popup-funds/", money_funds.funds, name="funds"),
    path("<slug:slug>/popup-funds/<int:pk>/", money_funds.fund_detail, name="fund"),
]
