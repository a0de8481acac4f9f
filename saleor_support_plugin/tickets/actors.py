from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    """Who performs an action: a person (by user id) or the desk itself."""

    user_id: int | None = None
    is_system: bool = False

    @classmethod
    def system(cls) -> "Actor":
        return cls(is_system=True)

    @classmethod
    def user(cls, user_id: int) -> "Actor":
        return cls(user_id=user_id)
