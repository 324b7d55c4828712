"""Any state the editor can reach saves, reopens equal and validates (issue #9, point 1).

Résumés are built the way the editors build them: constructors with defaults, every
section kind, projects within jobs, label/value lines, hidden flags, dates typed right
and wrong, layout changes — each as the document command the widget would push. Then:
save → load → equal; the file validates against the official schema; undo of every
step writes back the starting file byte for byte.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cveditor.document import ResumeDocument
from cveditor.io import native
from cveditor.model import resume as r
from cveditor.model.kinds import CUSTOM_KINDS, STANDARD_KINDS, new_custom_section
from cveditor.model.resume import Resume

from .conftest import OUR_SAMPLE

TEXT = st.text(
    alphabet=st.sampled_from("abc XYZ 한글 경력 ·–\"'\\*_#<>&\n"), min_size=0, max_size=12
)
TYPED_DATES = st.sampled_from(
    ["2018.06", "Jun 2018", "2018년 6월", "현재", "", "2016 spring", "2019.13", "2024-02-30"]
)
STANDARD = sorted(STANDARD_KINDS)


def _text_fields(model: type) -> list[str]:
    return [
        name
        for name, info in model.model_fields.items()
        if info.annotation is str and name not in {"id", "kind", "schema_"}
    ]


def _date_fields(model: type) -> list[str]:
    return [n for n in ("startDate", "endDate", "date", "releaseDate") if n in model.model_fields]


def type_date(doc: ResumeDocument, item_path: tuple, name: str, text: str) -> None:
    """What DateField does with typed text."""
    from cveditor.ui.editors.fields import _read_typed

    iso, error = _read_typed(text)
    typed = dict(doc.get((*item_path, "cv", "typedDates")))
    typed.pop(name, None)
    if error:
        typed[name] = text
    doc.set_values({(*item_path, name): iso, (*item_path, "cv", "typedDates"): typed}, merge=True)


@st.composite
def edits(draw) -> list[tuple]:
    return draw(
        st.lists(
            st.one_of(
                st.tuples(st.just("item"), st.sampled_from(STANDARD), TEXT, TYPED_DATES),
                st.tuples(st.just("job-project"), TEXT, TYPED_DATES, TEXT, TEXT),
                st.tuples(st.just("custom"), st.sampled_from(list(CUSTOM_KINDS)), TEXT, TEXT),
                st.tuples(st.just("hide"), st.sampled_from(STANDARD), st.booleans()),
                st.tuples(st.just("layout"), st.sampled_from(["compact", "korean", "classic"]),
                          st.one_of(st.none(), st.floats(6, 20)), st.booleans()),
                st.tuples(st.just("basics"), st.sampled_from(_text_fields(r.Basics)), TEXT),
            ),
            min_size=1,
            max_size=12,
        )
    )


def apply(doc: ResumeDocument, edit: tuple) -> None:
    kind = edit[0]
    resume = doc.resume
    if kind == "item":
        _, section, text, date = edit
        model = STANDARD_KINDS[section].model
        doc.insert_item((section,), len(getattr(resume, section)), model())
        path = (section, len(getattr(resume, section)) - 1)
        fields = _text_fields(model)
        if fields:
            doc.set_value((*path, fields[0]), text, merge=True)
        for name in _date_fields(model):
            type_date(doc, path, name, date)
    elif kind == "job-project":
        _, name, date, label, value = edit
        if not resume.work:
            doc.insert_item(("work",), 0, r.Work(name="Acme"))
        projects = ("work", 0, "cv", "projects")
        doc.insert_item(projects, 0, r.JobProject())
        doc.set_value((*projects, 0, "name"), name, merge=True)
        type_date(doc, (*projects, 0), "startDate", date)
        doc.insert_item((*projects, 0, "fields"), 0, r.LabeledValue())
        doc.set_value((*projects, 0, "fields", 0, "label"), label)
        doc.set_value((*projects, 0, "fields", 0, "value"), value)
        doc.set_value((*projects, 0, "cv", "hidden"), bool(len(value) % 2))
    elif kind == "custom":
        _, custom_kind, title, text = edit
        section_id = f"s{len(resume.custom_sections)}"
        sections = ("cv", "sections")
        doc.insert_item(sections, len(resume.custom_sections),
                        new_custom_section(custom_kind, section_id, title))
        path = (*sections, len(resume.custom_sections) - 1)
        match custom_kind:
            case "list":
                doc.set_value((*path, "items"), [text, text[::-1]])
            case "dated":
                doc.insert_item((*path, "entries"), 0, r.DatedEntry(title=text))
                type_date(doc, (*path, "entries", 0), "date", text)
            case "table":
                doc.set_values({(*path, "header"): [text], (*path, "rows"): [[text], [""]]})
            case "text":
                doc.set_value((*path, "text"), text, merge=True)
            case "notes":
                doc.insert_item((*path, "notes"), 0, r.NoteItem(title=text))
                doc.insert_item((*path, "notes", 0, "fields"), 0, r.LabeledValue(label="S"))
    elif kind == "hide":
        _, section, hide = edit
        hidden = [s for s in resume.layout.hiddenSections if s != section] + [section] * hide
        doc.set_value(("cv", "layout", "hiddenSections"), hidden)
        items = getattr(resume, section)
        if items:
            doc.set_value((section, 0, "cv", "hidden"), hide)
    elif kind == "layout":
        _, theme, size, letter = edit
        doc.set_value(("cv", "layout", "theme"), theme)
        doc.set_value(("cv", "layout", "fontSize"), round(size, 1) if size else None)
        doc.set_value(("cv", "layout", "paper"), "letter" if letter else "a4")
    elif kind == "basics":
        _, name, text = edit
        doc.set_value(("basics", name), text, merge=True)


def _structure_validator():
    """The official schema without format checks: in draft-07 ``format`` is an
    annotation, and a half-typed e-mail address is a state the editor must save."""
    import jsonschema

    from .conftest import SCHEMA_FILE

    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


STRUCTURE = _structure_validator()


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(steps=edits(), start_from_sample=st.booleans())
def test_editor_states_save_reopen_validate_and_undo(
    qapp, tmp_path_factory, steps, start_from_sample
) -> None:
    folder = tmp_path_factory.mktemp("states")
    start = native.load(OUR_SAMPLE) if start_from_sample else Resume()
    doc = ResumeDocument(start)
    before = native.dumps(doc.resume)
    for step in steps:
        apply(doc, step)
    path = folder / "state.json"
    native.save(doc.resume, path)
    again = native.load(path)
    assert again == doc.resume, "reopens equal"
    data = json.loads(path.read_text(encoding="utf-8"))
    errors = [e.message for e in STRUCTURE.iter_errors(data)]
    assert not errors, errors
    assert native.dumps(again) == path.read_text(encoding="utf-8"), "stable on a second save"
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert native.dumps(doc.resume) == before, "undo of every step writes the file as it was"


def test_a_custom_section_made_in_code_keeps_its_kind(tmp_path) -> None:
    """The defect: kind (a default) was not written, and the file could not be read."""
    for kind in CUSTOM_KINDS:
        resume = Resume()
        resume.cv.sections.append(new_custom_section(kind, f"x-{kind}", ""))
        native.save(resume, tmp_path / "k.json")
        assert native.load(tmp_path / "k.json").custom_sections[0].kind == kind
        backup = tmp_path / "k.json.bak"
        if backup.exists():
            native.load(backup)
