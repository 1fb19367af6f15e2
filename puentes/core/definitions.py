"""The building blocks of rule definitions kept as data (screening instruments, payer rule
sets): strict pydantic models that refuse unknown keys, and text in both languages."""

from pydantic import BaseModel, ConfigDict, Field


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    en: str = Field(min_length=1)
    es: str = Field(min_length=1)

    def in_language(self, language: str) -> str:
        return self.es if language.startswith("es") else self.en
