"""Forms built from the model's own field declarations (title, description, examples).

One table instead of a hand-made form per section: the kind of widget follows from the
field's type, labels and tooltips from its documentation (design.md §6.1, §6.7).
"""

from __future__ import annotations

import types
import typing

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from ...document import ResumeDocument
from ...model.access import Path
from .fields import DateField, LinesField, MarkdownField, PhotoField, TextField

DATE_FIELDS = {"startDate", "endDate", "date", "releaseDate"}
LONG_TEXT = {"summary", "details", "text", "reference"}
NOT_EDITED_HERE = {"cv", "id", "kind", "hidden", "schema_"}


def _label(name: str, info: FieldInfo) -> str:
    return info.title or name


def _list_item_model(annotation: object) -> type[BaseModel] | None:
    """The model of a ``list[Model]`` field, else None."""
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation) or (None,)
        if isinstance(item, type) and issubclass(item, BaseModel):
            return item
    return None


def _is_text_list(annotation: object) -> bool:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _is_text_list(typing.get_args(annotation)[0])
    return origin is list and typing.get_args(annotation) == (str,)


def _nested_model(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if isinstance(annotation, types.UnionType):
        return None
    return None


def build_form(
    document: ResumeDocument,
    model: type[BaseModel],
    path: Path,
    *,
    extra_rows: typing.Callable[[QFormLayout], None] | None = None,
) -> QWidget:
    """A form for the model instance at ``path``; nested lists get their own list editor."""
    from .item_list import ItemListEditor  # a list editor holds forms, a form holds lists

    form = QWidget()
    layout = QFormLayout(form)
    layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    for name, info in model.model_fields.items():
        if name in NOT_EDITED_HERE:
            continue
        label = _label(name, info)
        field_path = (*path, name)
        annotation = info.annotation
        widget: QWidget
        if name in DATE_FIELDS:
            widget = DateField(document, field_path, label, end=name == "endDate")
        elif _is_text_list(annotation) or name in {"highlights", "keywords", "courses"}:
            widget = LinesField(document, field_path, label)
        elif (item_model := _list_item_model(annotation)) is not None:
            box = QGroupBox(label)
            inner = QFormLayout(box)
            inner.addRow(ItemListEditor(document, field_path, item_model, compact=True))
            layout.addRow(box)
            continue
        elif (nested := _nested_model(annotation)) is not None:
            box = QGroupBox(label)
            inner = QFormLayout(box)
            inner.addRow(build_form(document, nested, field_path))
            layout.addRow(box)
            continue
        elif name in LONG_TEXT or "Markdown" in (info.description or ""):
            widget = MarkdownField(document, field_path, label)
        elif name == "image":
            widget = PhotoField(document, field_path, label)
        else:
            widget = TextField(document, field_path, label)
            if info.examples and not widget.placeholderText():  # it may show a kept value
                widget.setPlaceholderText(f"e.g. {info.examples[0]}")
        if info.description and not widget.toolTip():
            widget.setToolTip(info.description)
        caption = QLabel(label)
        caption.setBuddy(widget)
        layout.addRow(caption, widget)
    if extra_rows is not None:
        extra_rows(layout)
    return form
