"""Slots on a lot's archive page (一项目一档案) for the modules that link records to lots.

A module registers a section from its AppConfig.ready()::

    register_archive_section("experts", label=_("评标委员会"), template="experts/_lot_committee.html",
                             context=lambda lot, actor: {"members": committee_for(lot=lot, actor=actor)},
                             order=30)

The page renders every registered section, in ``order``, with the context the function returns for the lot and
the person looking (so each module applies its own permissions). A function returning None hides its section.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ArchiveSection:
    key: str
    label: str
    template: str
    context: object
    order: int = 100


_sections = {}


def register_archive_section(key, *, label, template, context, order=100):
    _sections[key] = ArchiveSection(key=key, label=label, template=template, context=context, order=order)


def archive_sections(lot, actor):
    """(section, context) for each registered section that has something to show for this lot."""
    shown = []
    for section in sorted(_sections.values(), key=lambda s: (s.order, s.key)):
        context = section.context(lot, actor)
        if context is not None:
            shown.append((section, context))
    return shown
