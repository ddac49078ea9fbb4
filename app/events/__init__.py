"""Territorial control-change events: who took which place, from whom, when, and who says so."""

from app.events.actors import ActorRegistry, default_registry, load_registry
from app.events.extract import extract_control_changes
from app.events.model import ActorRef, ControlChange, EventDate, Side, event_to_dict

__all__ = [
    "ActorRef",
    "ActorRegistry",
    "ControlChange",
    "EventDate",
    "Side",
    "default_registry",
    "event_to_dict",
    "extract_control_changes",
    "load_registry",
]
