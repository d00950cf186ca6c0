"""Writes about networks: one module per area (set-up, invitations, stakeholders, plans, review)."""
