"""What the portal knows about the objects other domains publish from: when a source is still a draft (and must
not be published) and which personal details of it must never appear in the public copy.

Sources without an entry here are accepted when they carry no draft marker; the calling domain publishes them
only once they are final.
"""

from django.utils.translation import gettext as _

from lianjian.complaints.models import ComplaintIdentity, ComplaintState

DRAFT_VALUES = {"draft", "pending", "received"}
FINAL_COMPLAINT_STATES = (ComplaintState.DECIDED, ComplaintState.REPLIED)


def _complaint_problem(complaint):
    if complaint.state not in FINAL_COMPLAINT_STATES or not complaint.decided_at:
        return _("投诉举报“%(code)s”尚未作出处理决定，不能公开") % {"code": complaint.tracking_code}
    return None


def _complaint_secrets(complaint):
    """The filer's identity, read straight from its protected table so it can be masked wherever it appears."""
    identity = ComplaintIdentity.objects.filter(complaint=complaint).first()
    values = [complaint.submitter_masked, complaint.contact_masked]
    if identity is not None:
        values += [identity.name, identity.organisation_representative, identity.id_number, identity.address,
                   identity.phone, identity.email]
    return values


_PROBLEMS = {"complaints.complaint": _complaint_problem}
_SECRETS = {"complaints.complaint": _complaint_secrets}


def source_problem(source):
    """Why ``source`` may not be published yet, or None."""
    check = _PROBLEMS.get(source._meta.label_lower)
    if check is not None:
        return check(source)
    for marker in ("state", "status"):
        if str(getattr(source, marker, "") or "") in DRAFT_VALUES:
            return _("来源“%(source)s”仍是草稿或未办结状态，不能公开") % {"source": source}
    if getattr(source, "is_draft", False):
        return _("来源“%(source)s”仍是草稿，不能公开") % {"source": source}
    return None


def source_secrets(source):
    secrets = _SECRETS.get(source._meta.label_lower)
    return [value for value in (secrets(source) if secrets else []) if value]


def source_region(source):
    region = getattr(source, "region", None)
    return region if region is not None and region._meta.label_lower == "org.region" else None
