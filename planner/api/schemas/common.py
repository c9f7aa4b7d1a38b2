"""What every part of the API shares: the refusal shape and the catalogue's version."""

from pydantic import BaseModel, ConfigDict, Field


class Problem(BaseModel):
    """A refusal: a sentence, and where the request is at fault a message per field
    (``levels.GEDRAG``, ``class_context.class_size``, ``body`` for the body as a whole)."""

    model_config = ConfigDict(title="Problem")

    error: str
    fields: dict[str, str] = Field(default_factory=dict, description="a message per field at fault")


class FrameworkVersion(BaseModel):
    code: str
    version: str
