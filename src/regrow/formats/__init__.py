"""Our additions to Django's locale formats (settings.FORMAT_MODULE_PATH): how dates are typed.

Only what differs from Django's own formats is here; the rest comes from Django's.
"""
