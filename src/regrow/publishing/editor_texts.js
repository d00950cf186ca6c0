// The texts of the rich-text editor's dialogs (django-prose-editor), listed here so that
// `make messages` puts them into the djangojs catalogues. This file is never served: the
// editor asks for the texts itself, through the JavaScript catalogue at /<language>/jsi18n/.
/* global gettext */
gettext("Add caption");
gettext("Alternative Text");
gettext("Browse...");
gettext("Bullets");
gettext("Cancel");
gettext("Caption");
gettext("Columns");
gettext("Decimal numbers");
gettext("Edit Figure");
gettext("Edit HTML");
gettext("Edit Image");
gettext("Edit Link");
gettext("Image URL");
gettext("Include header row");
gettext("Insert Figure");
gettext("Insert Table");
gettext("Insert");
gettext("List properties");
gettext("List type");
gettext("Lowercase Roman numerals");
gettext("Lowercase letters");
gettext("Open in new window");
gettext("Prettify");
gettext("Remove caption");
gettext("Rows");
gettext("Start at");
gettext("Table Properties");
gettext("The HTML contents of the editor. Note that the allowed HTML is restricted by the editor schema.");
gettext("Title");
gettext("Toggle fullscreen");
gettext("URL");
gettext("Update");
gettext("Uppercase Roman numerals");
gettext("Uppercase letters");
