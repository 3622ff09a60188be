"""A FHIR R4 Bundle (Patient, Coverage, Encounter, Condition, Procedure, Practitioner) -> EncounterIn.

Parsed with fhir.resources' R4 models (fhir.resources.R4B). Diagnoses follow Encounter.diagnosis.rank;
a Procedure's reasonReference gives its diagnosis pointers; modifiers ride on an extension of the
procedure code (MODIFIER_URL); the place of service on an Encounter extension (default 11, office).
The referring provider is the Encounter participant typed REF, else the requester of the ServiceRequest the
Encounter is basedOn; the rendering provider is the first participant of another type.
Every error is an IntakeError naming the resource and element (or the JSON path of a control
character), never a value.
"""
import orjson
from fhir.resources.R4B.bundle import Bundle
from pydantic import ValidationError

from services.gateway.intake.control_chars import control_problems, encounter_problems, may_hold_control_characters
from services.gateway.intake.errors import IntakeError
from services.gateway.intake.model import EncounterIn

ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm"
PROCEDURE_SYSTEMS = {"http://www.ama-assn.org/go/cpt", "urn:oid:2.16.840.1.113883.6.285", "https://www.cms.gov/hcpcs"}
NPI = "http://hl7.org/fhir/sid/us-npi"
PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
POS_URL = "https://billing.example/fhir/place-of-service"
MODIFIER_URL = "https://billing.example/fhir/procedure-modifier"
SEX = {"female": "F", "male": "M"}


def _document(raw: bytes, *, may_hold_controls: bool):
    """The JSON document; FHIR strings may hold TAB, CR and LF, no other control character."""
    try:
        document = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise IntakeError([{"field": "Bundle", "message": "not a valid FHIR R4 Bundle (not JSON)"}]) from exc
    problems = may_hold_controls and control_problems(document, "body", whitespace_allowed=lambda path: True)
    if problems:
        raise IntakeError(problems)
    return document


def _resources(raw: bytes, *, may_hold_controls: bool) -> dict[str, list]:
    try:
        bundle = Bundle.model_validate(_document(raw, may_hold_controls=may_hold_controls))
    except (ValidationError, ValueError, TypeError, LookupError) as exc:  # fhir.resources: KeyError on resourceType ""
        raise IntakeError([{"field": "Bundle", "message": "not a valid FHIR R4 Bundle"}]) from exc
    found: dict[str, list] = {"_by_reference": []}
    references: dict[str, object] = {}
    for entry in bundle.entry or []:
        if entry.resource is not None:
            kind = entry.resource.get_resource_type()
            found.setdefault(kind, []).append(entry.resource)
            references.update({key: entry.resource for key in (entry.fullUrl, f"{kind}/{entry.resource.id}") if key})
    found["_by_reference"] = [references]
    missing = [name for name in ("Patient", "Coverage", "Encounter", "Practitioner") if name not in found]
    if missing:
        raise IntakeError([{"field": name, "message": f"the Bundle has no {name}"} for name in missing])
    return found


def _resolve(found: dict[str, list], reference) -> object | None:
    """A reference inside the Bundle, by its fullUrl (urn:uuid:...) or Type/id."""
    return found["_by_reference"][0].get(reference.reference) if reference is not None and reference.reference else None


def _payer_id(found: dict[str, list], coverage) -> str | None:
    """Coverage.payor names the payer by identifier, or by reference to an Organization of the Bundle."""
    payor = coverage.payor[0] if coverage.payor else None
    if payor is None:
        return None
    if payor.identifier is not None:
        return payor.identifier.value
    organization = _resolve(found, payor)
    return organization.identifier[0].value if organization is not None and organization.identifier else None


def _code(concept, systems) -> str | None:
    for coding in (concept.coding or []) if concept else []:
        if coding.system in systems:
            return coding.code
    return None


def parse_fhir_bundle(raw: bytes) -> EncounterIn:
    """Raises IntakeError, and nothing else, for anything it cannot take. The control-character walks run only
    when the body can hold one: the encounter's strings are the Bundle's, or constants and dates."""
    may_hold_controls = may_hold_control_characters(raw)
    found = _resources(raw, may_hold_controls=may_hold_controls)
    try:
        body = _encounter(found)
    except (AttributeError, IndexError, KeyError, TypeError, ValueError) as exc:
        # An element the mapping needs is absent (a Practitioner without a name, a Coverage without a payor).
        raise IntakeError([{"field": "Bundle", "message": "the Bundle lacks an element the encounter needs "
                                                           f"({type(exc).__name__})"}]) from exc
    problems = may_hold_controls and encounter_problems(body, "Bundle")
    if problems:
        raise IntakeError(problems)
    try:
        return EncounterIn.model_validate(body)
    except ValidationError as exc:
        raise IntakeError([{"field": "Bundle." + ".".join(str(p) for p in e["loc"]), "message": e["msg"]}
                           for e in exc.errors(include_input=False)]) from exc


def _encounter(found: dict[str, list]) -> dict:
    encounter = found["Encounter"][0]
    patient = _resolve(found, encounter.subject) or found["Patient"][0]
    coverages = sorted(found["Coverage"], key=lambda c: c.order or 1)  # the primary first: the lowest `order`
    referrer = _referrer(found, encounter)
    performer = next((p.individual for p in encounter.participant or [] if p.individual and not _is_referral(p)), None)
    practitioner = _resolve(found, performer) or next((p for p in found["Practitioner"] if p is not referrer), None)
    by_reference = found["_by_reference"][0]
    conditions = {key: _code(c.code, {ICD10CM}) for key, c in by_reference.items()
                  if c.get_resource_type() == "Condition"}
    ranked = sorted(encounter.diagnosis or [], key=lambda d: d.rank or 99)
    order = [d.condition.reference for d in ranked] or [f"Condition/{c.id}" for c in found.get("Condition", [])]
    diagnoses = [conditions[ref] for ref in order if conditions.get(ref)]
    return {
        "external_id": encounter.identifier[0].value if encounter.identifier else encounter.id,
        "date_of_service": encounter.period.start.date().isoformat() if encounter.period and encounter.period.start else None,
        "place_of_service": next((e.valueCode for e in encounter.extension or [] if e.url == POS_URL), "11"),
        "patient": _patient(patient),
        "coverage": _coverage(found, coverages[0]),
        "other_coverages": [_coverage(found, other) for other in coverages[1:]],
        "rendering_provider": _provider(practitioner),
        "referring_provider": _provider(referrer) if referrer is not None and _npi(referrer) else None,
        "diagnoses": diagnoses,
        "procedures": [_procedure(p, order, conditions) for p in found.get("Procedure", [])],
    }


def _npi(practitioner) -> str | None:
    return next((i.value for i in practitioner.identifier or [] if i.system == NPI), None)


def _provider(practitioner) -> dict:
    return {"npi": _npi(practitioner), "last_name": practitioner.name[0].family,
            "first_name": practitioner.name[0].given[0]}


def _is_referral(participant) -> bool:
    return any(c.system == PARTICIPATION_TYPE and c.code == "REF" for t in participant.type or [] for c in t.coding or [])


def _referrer(found: dict[str, list], encounter):
    """The referring Practitioner in the Bundle, if any. One without an NPI is left out: 2310A needs the NPI,
    and a claim that must carry one is held by the payer's edit saying so."""
    referral = next((p.individual for p in encounter.participant or [] if p.individual and _is_referral(p)), None)
    if referral is None:
        requests = [_resolve(found, reference) for reference in encounter.basedOn or []]
        referral = next((r.requester for r in requests
                         if r is not None and r.get_resource_type() == "ServiceRequest" and r.requester), None)
    who = _resolve(found, referral)
    if who is not None and who.get_resource_type() == "PractitionerRole":
        who = _resolve(found, who.practitioner)
    return who if who is not None and who.get_resource_type() == "Practitioner" else None


def _coverage(found: dict[str, list], coverage) -> dict:
    return {"payer_id": _payer_id(found, coverage),
            "member_id": coverage.subscriberId,
            "group_number": next((c.value for c in coverage.class_fhir or []), None) if hasattr(coverage, "class_fhir") else None,
            "relationship": _code(coverage.relationship, {"http://terminology.hl7.org/CodeSystem/subscriber-relationship"}) or "self"}


def _patient(patient) -> dict:
    name = patient.name[0] if patient.name else None
    address = patient.address[0] if patient.address else None
    return {"id": patient.identifier[0].value if patient.identifier else patient.id,
            "last_name": name.family if name else None, "first_name": name.given[0] if name and name.given else None,
            "birth_date": patient.birthDate.isoformat() if patient.birthDate else None,
            "sex": SEX.get(patient.gender or "", "U"),
            "address": {"line1": address.line[0] if address and address.line else None,
                        "city": address.city if address else None, "state": address.state if address else None,
                        "zip": address.postalCode if address else None}}


def _procedure(procedure, order: list[str], conditions: dict) -> dict:
    code = _code(procedure.code, PROCEDURE_SYSTEMS)
    modifiers = [e.valueCode for c in procedure.code.coding or [] for e in c.extension or [] if e.url == MODIFIER_URL]
    pointers = [order.index(r.reference) + 1 for r in procedure.reasonReference or [] if r.reference in order][:4]
    return {"code": code, "modifiers": modifiers, "units": 1, "diagnosis_pointers": pointers}
