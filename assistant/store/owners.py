"""Owners and their addresses."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from assistant.domain import OwnerProfile
from assistant.errors import PermanentError
from assistant.store.models import Owner, OwnerAddress


class DuplicateOwnerAddress(PermanentError):
    """Raised when an address is already registered to an owner."""


def add_owner(session: Session, *, name: str, addresses: list[str], timezone: str,
              region: str, language: str = "en", followup_hour: int = 9,
              secret_tag: str | None = None, now: datetime) -> OwnerProfile:
    normalized = [a.strip().lower() for a in addresses]
    taken = session.scalars(select(OwnerAddress.address)
                            .where(OwnerAddress.address.in_(normalized))).all()
    if taken:
        raise DuplicateOwnerAddress(f"already registered: {', '.join(sorted(taken))}")
    owner = Owner(name=name, timezone=timezone, region=region.upper(), language=language,
                  followup_hour=followup_hour, created_at=now,
                  secret_tag=secret_tag.lower() if secret_tag else None,
                  addresses=[OwnerAddress(address=a) for a in normalized])
    session.add(owner)
    session.flush()
    return to_profile(owner)


def to_profile(owner: Owner) -> OwnerProfile:
    return OwnerProfile(id=owner.id, name=owner.name,
                        addresses=tuple(a.address for a in owner.addresses),
                        timezone=owner.timezone, region=owner.region, language=owner.language,
                        followup_hour=owner.followup_hour, paused=owner.paused,
                        secret_tag=owner.secret_tag)


def owner_by_address(session: Session, address: str | None) -> OwnerProfile | None:
    if not address:
        return None
    row = session.scalars(select(Owner).join(OwnerAddress)
                          .where(OwnerAddress.address == address.strip().lower())
                          .options(selectinload(Owner.addresses))).first()
    return to_profile(row) if row else None


def owner_by_id(session: Session, owner_id: int) -> OwnerProfile | None:
    row = session.get(Owner, owner_id, options=[selectinload(Owner.addresses)])
    return to_profile(row) if row else None


def list_owners(session: Session) -> list[OwnerProfile]:
    rows = session.scalars(select(Owner).options(selectinload(Owner.addresses))
                           .order_by(Owner.id)).all()
    return [to_profile(row) for row in rows]
