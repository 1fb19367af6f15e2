"""X12 files: writing 005010X222A1 837P professional claims (streamed, a segment at a
time) and reading 835 remittances (with pyx12's segment reader).

The writer takes plain documents (Envelope, ClaimDoc), not models, so the same code writes
a batch from the database and the benchmark's million claims without holding them.
"""

import datetime
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

import pyx12.errors  # type: ignore[import-untyped]
import pyx12.x12file  # type: ignore[import-untyped]

CLAIMS_PER_TRANSACTION = 5000
_UNSAFE = re.compile(r"[~*:^\r\n]+")


def _text(value: object, limit: int = 60) -> str:
    """A value safe inside an element: no delimiters, ASCII, upper case, trimmed."""
    ascii_text = str(value or "").encode("ascii", "ignore").decode()
    return _UNSAFE.sub(" ", ascii_text).strip().upper()[:limit]


@lru_cache(maxsize=4096)
def _money(amount: Decimal) -> str:
    """An amount as X12 writes it (no trailing zeros); the same few charges recur a million
    times in a batch, so each is formatted once."""
    text = format(amount.quantize(Decimal("0.01")), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


@lru_cache(maxsize=4096)
def _d8(day: datetime.date) -> str:
    return day.strftime("%Y%m%d")


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value or "")


@dataclass(frozen=True)
class Party:
    name: str
    identifier: str


@dataclass(frozen=True)
class Address:
    line1: str
    city: str
    state: str
    postal_code: str


@dataclass(frozen=True)
class BillingProvider:
    name: str
    npi: str
    tax_id: str
    taxonomy: str
    address: Address


@dataclass(frozen=True)
class Envelope:
    sender_id: str
    receiver_id: str
    control_number: int
    created: datetime.datetime
    submitter: Party
    contact_name: str
    contact_phone: str
    receiver: Party
    billing: BillingProvider
    payer: Party
    filing_indicator: str
    supervising: tuple[str, str, str] | None = None  # last, first, NPI
    production: bool = True


@dataclass(frozen=True)
class Subscriber:
    member_id: str
    last_name: str
    first_name: str
    birth_date: datetime.date
    sex: str
    address: Address | None


class LineDoc(NamedTuple):
    """A service line (a tuple: a batch writes a million of them)."""

    code: str
    modifiers: tuple[str, ...]
    charge: Decimal
    units: int
    place_of_service: str
    day: datetime.date
    pointers: tuple[int, ...] = ()
    authorization: str = ""  # prior authorization number (REF*G1)


@dataclass
class ClaimDoc:
    number: str
    frequency: str
    subscriber: Subscriber
    diagnoses: list[str]
    lines: list[LineDoc]
    original_number: str = ""
    total: Decimal = field(default=Decimal(0))

    def __post_init__(self) -> None:
        self.total = sum((line.charge for line in self.lines), Decimal(0))


SEX_CODES = {"female": "F", "male": "M"}


# A subscriber loop (2000B) holds at most 100 claims (2300) in 005010X222A1.
CLAIMS_PER_SUBSCRIBER = 100


@lru_cache(maxsize=4096)
def _subscriber_segments(s: Subscriber, filing: str, payer: Party) -> tuple[str, ...]:
    """SBR, NM1*IL, N3/N4, DMG and NM1*PR of a subscriber (the patient), without the HL."""
    out = [
        f"SBR*P*18*******{filing}",
        f"NM1*IL*1*{_text(s.last_name, 60)}*{_text(s.first_name, 35)}****MI*"
        f"{_text(s.member_id, 80)}",
    ]
    if s.address is not None and s.address.line1 and s.address.city and s.address.state:
        out += [
            f"N3*{_text(s.address.line1, 55)}",
            f"N4*{_text(s.address.city, 30)}*{s.address.state}*{_digits(s.address.postal_code)}",
        ]
    out += [
        f"DMG*D8*{s.birth_date:%Y%m%d}*{SEX_CODES.get(s.sex, 'U')}",
        f"NM1*PR*2*{_text(payer.name)}*****PI*{_text(payer.identifier, 80)}",
    ]
    return tuple(out)


def _claim_segments(claim: ClaimDoc, supervising: str) -> list[str]:
    """The 2300 claim loop and its 2400 service lines. The claim's place of service is its
    first line's; a line elsewhere says its own (SV105). A line points to its own diagnoses
    (SV107), or to the first four when it names none."""
    place = claim.lines[0].place_of_service
    out = [f"CLM*{claim.number}*{_money(claim.total)}***{place}:B:{claim.frequency}*Y*A*Y*Y"]
    # One prior authorization for every line is said once, for the claim (2300 REF*G1,
    # before REF*F8); otherwise each line says its own (2400 REF*G1).
    authorizations = {line.authorization for line in claim.lines}
    claim_authorization = authorizations.pop() if len(authorizations) == 1 else ""
    if claim_authorization:
        out.append(f"REF*G1*{_text(claim_authorization, 50)}")
    if claim.frequency in ("7", "8"):
        out.append(f"REF*F8*{_text(claim.original_number, 50)}")
    codes = [code.replace(".", "") for code in claim.diagnoses[:12]]
    out.append("HI*" + "*".join(("ABK:" if i == 0 else "ABF:") + c for i, c in enumerate(codes)))
    if supervising:
        out.append(supervising)
    for number, line in enumerate(claim.lines, start=1):
        elsewhere = line.place_of_service if line.place_of_service != place else ""
        out += [
            f"LX*{number}",
            _service(
                line.code,
                line.modifiers,
                line.charge,
                line.units,
                elsewhere,
                line.pointers,
                len(codes),
            ),
            f"DTP*472*D8*{_d8(line.day)}",
        ]
        if line.authorization and not claim_authorization:
            out.append(f"REF*G1*{_text(line.authorization, 50)}")
    return out


@lru_cache(maxsize=8192)
def _service(
    code: str,
    modifiers: tuple[str, ...],
    charge: Decimal,
    units: int,
    elsewhere: str,
    pointers: tuple[int, ...],
    diagnoses: int,
) -> str:
    """A line's SV1 segment (remembered: a batch's lines repeat a few codes, charges and
    pointers). Pointers outside the claim's diagnoses are dropped; none left points to the
    first four."""
    procedure = ":".join(["HC", code, *modifiers[:4]])
    valid = [str(n) for n in pointers if 1 <= n <= diagnoses][:4]
    pointing = ":".join(valid or [str(n) for n in range(1, min(diagnoses, 4) + 1)])
    return f"SV1*{procedure}*{_money(charge)}*UN*{units}*{elsewhere}**{pointing}"


def _transaction_header(envelope: Envelope, st_number: int) -> list[str]:
    b = envelope.billing
    header = [
        f"ST*837*{st_number:04d}*005010X222A1",
        f"BHT*0019*00*{envelope.control_number}{st_number:04d}*{envelope.created:%Y%m%d}*"
        f"{envelope.created:%H%M}*CH",
        f"NM1*41*2*{_text(envelope.submitter.name)}*****46*"
        f"{_text(envelope.submitter.identifier, 80)}",
        f"PER*IC*{_text(envelope.contact_name)}*TE*{_digits(envelope.contact_phone)}",
        f"NM1*40*2*{_text(envelope.receiver.name)}*****46*"
        f"{_text(envelope.receiver.identifier, 80)}",
        "HL*1**20*1",
    ]
    if b.taxonomy:
        header.append(f"PRV*BI*PXC*{b.taxonomy}")
    header += [
        f"NM1*85*2*{_text(b.name)}*****XX*{b.npi}",
        f"N3*{_text(b.address.line1, 55)}",
        f"N4*{_text(b.address.city, 30)}*{b.address.state}*{_digits(b.address.postal_code)}",
        f"REF*EI*{_digits(b.tax_id)}",
    ]
    return header


def write_837p(envelope: Envelope, claims: Iterable[ClaimDoc]) -> Iterator[str]:
    """The interchange, a line (segment) at a time; transaction sets of at most 5,000
    claims each."""
    created = envelope.created
    usage = "P" if envelope.production else "T"
    control = f"{envelope.control_number:09d}"
    yield (
        f"ISA*00*{'':10}*00*{'':10}*ZZ*{_text(envelope.sender_id, 15):<15}*ZZ*"
        f"{_text(envelope.receiver_id, 15):<15}*{created:%y%m%d}*{created:%H%M}*^*00501*"
        f"{control}*0*{usage}*:~\n"
    )
    yield (
        f"GS*HC*{_text(envelope.sender_id, 15)}*{_text(envelope.receiver_id, 15)}*"
        f"{created:%Y%m%d}*{created:%H%M}*{envelope.control_number}*X*005010X222A1~\n"
    )
    supervising = ""
    if envelope.supervising is not None:
        last, first, npi = envelope.supervising
        supervising = f"NM1*DQ*1*{_text(last)}*{_text(first, 35)}****XX*{npi}"
    st_number, in_transaction, count, hl = 0, 0, 0, 1
    subscriber: Subscriber | None = None
    under_subscriber = 0
    for claim in claims:
        if in_transaction == 0:
            st_number += 1
            header = _transaction_header(envelope, st_number)
            count, hl, subscriber = len(header), 1, None
            yield "".join(f"{segment}~\n" for segment in header)
        segments = []
        # Consecutive claims of one person share their subscriber loop.
        if claim.subscriber != subscriber or under_subscriber == CLAIMS_PER_SUBSCRIBER:
            hl += 1
            subscriber, under_subscriber = claim.subscriber, 0
            segments.append(f"HL*{hl}*1*22*0")
            segments += _subscriber_segments(
                claim.subscriber, envelope.filing_indicator, envelope.payer
            )
        segments += _claim_segments(claim, supervising)
        under_subscriber += 1
        count += len(segments)
        yield "".join(f"{segment}~\n" for segment in segments)
        in_transaction += 1
        if in_transaction == CLAIMS_PER_TRANSACTION:
            yield f"SE*{count + 1}*{st_number:04d}~\n"
            in_transaction = 0
    if in_transaction:
        yield f"SE*{count + 1}*{st_number:04d}~\n"
    yield f"GE*{st_number}*{envelope.control_number}~\n"
    yield f"IEA*1*{control}~\n"


# 835 -------------------------------------------------------------------------------------


class RemittanceFormatError(ValueError):
    pass


@dataclass
class ServicePayment:
    code: str
    charge: Decimal
    paid: Decimal
    units: int
    adjustments: list[dict[str, str]]
    day: datetime.date | None = None


@dataclass
class ClaimPayment:
    claim_number: str
    status_code: str
    charge: Decimal
    paid: Decimal
    payer_claim_number: str
    adjustments: list[dict[str, str]] = field(default_factory=list)
    services: list[ServicePayment] = field(default_factory=list)

    @property
    def denied(self) -> bool:
        return self.status_code == "4"

    @property
    def reversal(self) -> bool:
        return self.status_code == "22"


@dataclass
class RemittanceDoc:
    payer_name: str = ""
    payer_identifier: str = ""
    trace_number: str = ""
    payment_date: datetime.date | None = None
    total_paid: Decimal = Decimal(0)
    claims: list[ClaimPayment] = field(default_factory=list)


def _decimal(value: str | None, where: str) -> Decimal:
    try:
        return Decimal(value or "0")
    except ArithmeticError as error:
        raise RemittanceFormatError(f"{where}: {value!r} is not an amount") from error


def _adjustments(seg: object) -> list[dict[str, str]]:
    """CAS: a group code, then up to six (reason, amount, quantity) triples."""
    get = seg.get_value  # type: ignore[attr-defined]
    group = get("CAS01") or ""
    found = []
    for first in (2, 5, 8, 11, 14, 17):
        reason = get(f"CAS{first:02d}")
        if reason:
            amount = get(f"CAS{first + 1:02d}") or "0"
            found.append({"group": group, "reason": reason, "amount": amount})
    return found


def read_835(text: str) -> RemittanceDoc:
    """The payments in an 835; a file that is not a well-formed 835 is refused, saying why."""
    if not text.lstrip().startswith("ISA"):
        raise RemittanceFormatError("the file does not start with an ISA segment")
    doc = RemittanceDoc()
    seen_st = False
    claim: ClaimPayment | None = None
    service: ServicePayment | None = None
    try:
        reader = pyx12.x12file.X12Reader(io.StringIO(text))
        for seg in reader:
            seg_id = seg.get_seg_id()
            get = seg.get_value
            if seg_id == "ST":
                if get("ST01") != "835":
                    raise RemittanceFormatError(f"transaction {get('ST01')} is not an 835")
                seen_st = True
            elif seg_id == "BPR":
                doc.total_paid = _decimal(get("BPR02"), "BPR02")
                paid_on = get("BPR16")
                doc.payment_date = _date(paid_on) if paid_on else None
            elif seg_id == "TRN":
                doc.trace_number = get("TRN02") or ""
            elif seg_id == "N1" and get("N101") == "PR":
                doc.payer_name = get("N102") or ""
            elif seg_id == "REF" and get("REF01") == "2U" and claim is None:
                doc.payer_identifier = get("REF02") or ""
            elif seg_id == "CLP":
                claim = ClaimPayment(
                    claim_number=get("CLP01") or "",
                    status_code=get("CLP02") or "",
                    charge=_decimal(get("CLP03"), "CLP03"),
                    paid=_decimal(get("CLP04"), "CLP04"),
                    payer_claim_number=get("CLP07") or "",
                )
                if not claim.claim_number or not claim.status_code:
                    raise RemittanceFormatError("a CLP segment lacks the claim number or status")
                doc.claims.append(claim)
                service = None
            elif seg_id == "SVC" and claim is not None:
                procedure = (get("SVC01") or "").split(":")
                service = ServicePayment(
                    code=procedure[1] if len(procedure) > 1 else procedure[0],
                    charge=_decimal(get("SVC02"), "SVC02"),
                    paid=_decimal(get("SVC03"), "SVC03"),
                    units=int(get("SVC05") or 1),
                    adjustments=[],
                )
                claim.services.append(service)
            elif seg_id == "DTM" and service is not None and get("DTM01") in ("472", "150"):
                service.day = _date(get("DTM02") or "")
            elif seg_id == "CAS" and claim is not None:
                (service.adjustments if service is not None else claim.adjustments).extend(
                    _adjustments(seg)
                )
        errors = reader.pop_errors() if hasattr(reader, "pop_errors") else []
    except pyx12.errors.X12Error as error:
        raise RemittanceFormatError(str(error)) from error
    except ValueError as error:
        if isinstance(error, RemittanceFormatError):
            raise
        raise RemittanceFormatError(str(error)) from error
    if errors:
        raise RemittanceFormatError("; ".join(str(e) for e in errors[:3]))
    if not seen_st:
        raise RemittanceFormatError("the file holds no 835 transaction")
    return doc


def _date(value: str) -> datetime.date:
    try:
        return datetime.datetime.strptime(value, "%Y%m%d").date()
    except ValueError as error:
        raise RemittanceFormatError(f"{value!r} is not a date (CCYYMMDD)") from error


def validate_with_pyx12(text: str) -> tuple[bool, str]:
    """Run pyx12's validator over an X12 file: (accepted, the 999 it writes)."""
    import pyx12.params  # type: ignore[import-untyped]
    import pyx12.x12n_document  # type: ignore[import-untyped]

    params = pyx12.params.params()
    ack = io.StringIO()
    accepted = pyx12.x12n_document.x12n_document(
        params, io.StringIO(text), fd_997=ack, fd_html=None
    )
    return bool(accepted), ack.getvalue()
