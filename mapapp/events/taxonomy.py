"""The event types, modelled on ACLED's event types (https://acleddata.com), kept small.

Each type has a value (stored and used in the API), a label for readers, a one-line
description of what belongs to it, and the name of its map icon (the client draws the
icon; the name is a stable key, not a file path)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class EventType:
    value: str
    label: str
    description: str
    icon: str


EVENT_TYPES: dict[str, EventType] = {
    t.value: t
    for t in (
        EventType(
            value="battles", label="Battles", icon="crossed-swords",
            description="Armed clashes between organised armed groups or forces: fighting, "
                        "assaults, offensives, ambushes of soldiers, street battles.",
        ),
        EventType(
            value="explosions_remote_violence", label="Explosions and remote violence",
            icon="explosion",
            description="Violence from a distance: air and drone strikes, shelling, missiles, "
                        "rockets, artillery, bombs, IEDs, mines, suicide bombings.",
        ),
        EventType(
            value="violence_against_civilians", label="Violence against civilians",
            icon="person-down",
            description="Armed groups attacking unarmed people directly: massacres, "
                        "executions, abductions, sexual violence, gunmen killing villagers.",
        ),
        EventType(
            value="protests", label="Protests", icon="megaphone",
            description="Public demonstrations that stay peaceful: rallies, marches, sit-ins, "
                        "strikes by workers, vigils.",
        ),
        EventType(
            value="riots", label="Riots", icon="fire",
            description="Violent demonstrations and mob violence: rioting, looting, burning, "
                        "stone-throwing crowds, protesters clashing with police.",
        ),
        EventType(
            value="strategic_developments", label="Strategic developments",
            icon="flag",
            description="Turning points without a clash reported: a town captured or "
                        "abandoned, troops deployed or withdrawn, agreements and ceasefires, "
                        "arrests, headquarters established, prisoner exchanges.",
        ),
        EventType(
            value="other", label="Other", icon="dot",
            description="An event at the place that fits no other type: a humanitarian "
                        "crisis, a convoy arriving, displacement, a disaster.",
        ),
    )
}

TYPE_VALUES: tuple[str, ...] = tuple(EVENT_TYPES)
TYPE_CHOICES: list[tuple[str, str]] = [(t.value, t.label) for t in EVENT_TYPES.values()]


def event_type(value: str) -> EventType:
    """The type called `value`; KeyError for an unknown one."""
    return EVENT_TYPES[value]
