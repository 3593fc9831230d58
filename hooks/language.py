"""The language being built, read the same way by every hook.

mkdocs-static-i18n builds the site once per language. With
``reconfigure_material: true`` (mkdocs.yml) it sets ``theme.language`` to the
locale of each build before the build starts, so that setting is the current
language in every event, and still right with i18n switched off (one language).

Not a hook (it is not listed under ``hooks:``): hooks import it at their top,
``from language import current_language``. MkDocs puts the hooks folder on
``sys.path`` only while it loads a hook, so an import inside a hook's function
would fail at build time.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError


def current_language(config) -> str:
    """The locale of the language being built, e.g. ``"ja"`` or ``"en"``."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and not i18n.config.reconfigure_material:
        raise PluginError("hooks/language.py needs i18n's reconfigure_material: true (it sets theme.language)")
    return config.theme["language"]


def default_language(config) -> str:
    """The locale built at the site root."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return config.theme["language"]
    return next(lang.locale for lang in i18n.config.languages if lang.default)
