"""A teacher's data rights: take the data, delete the account."""

from pydantic import BaseModel, ConfigDict, Field


class PersonalData(BaseModel):
    """Everything the planner holds about the account holder."""

    model_config = ConfigDict(extra="allow")

    profile: dict
    assessments: list[dict]
    path_versions: list[dict]
    progress: list[dict]
    api_tokens: list[dict]
    consents: list[dict]
    invitations: list[dict]
    audit: list[dict]


class Deletion(BaseModel):
    confirm: str = Field(description="the account's own e-mail address")
