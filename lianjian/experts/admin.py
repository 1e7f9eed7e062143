"""Admin: the specialty table and committee rules are reference data maintained here; pool, draws and records are
read-only (they change only through the services, so every change is validated and audited), and drawn lists
stay off the admin entirely until unsealed."""

from django.contrib import admin

from .models import (
    Assessment, CommitteeRule, ConflictDeclaration, EvaluationRecord, Expert, ExpertPenalty, ExpertStatusChange,
    Extraction, ExtractionPick, Specialty,
)


@admin.register(Specialty)
class SpecialtyAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "parent", "is_active")
    list_filter = ("is_active",)
    search_fields = ("code", "name")
    autocomplete_fields = ("parent",)


@admin.register(CommitteeRule)
class CommitteeRuleAdmin(admin.ModelAdmin):
    list_display = ("__str__", "min_members", "odd_members", "expert_share_numerator", "expert_share_denominator",
                    "former_relation_years")


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Expert)
class ExpertAdmin(ReadOnlyAdmin):
    list_display = ("name", "id_number_masked", "region", "employer_name", "status")
    list_filter = ("status",)
    search_fields = ("name", "employer_name", "id_number_masked")
    exclude = ("id_number_hash",)


@admin.register(ConflictDeclaration)
class ConflictDeclarationAdmin(ReadOnlyAdmin):
    list_display = ("expert", "entity", "relation", "declared_on", "valid_until")
    list_filter = ("relation",)


@admin.register(ExpertPenalty)
class ExpertPenaltyAdmin(ReadOnlyAdmin):
    list_display = ("expert", "kind", "decided_on", "reason")


@admin.register(ExpertStatusChange)
class ExpertStatusChangeAdmin(ReadOnlyAdmin):
    list_display = ("expert", "from_status", "to_status", "reason", "changed_by", "changed_at")
    list_filter = ("to_status",)


@admin.register(Extraction)
class ExtractionAdmin(ReadOnlyAdmin):
    list_display = ("lot", "attempt", "status", "sealed", "requested_unit", "created_at")
    list_filter = ("status", "sealed")
    search_fields = ("lot__code",)
    exclude = ("candidate_snapshot", "seed")


@admin.register(ExtractionPick)
class ExtractionPickAdmin(ReadOnlyAdmin):
    list_display = ("extraction", "order", "expert", "specialty", "role")
    list_filter = ("role",)

    def get_queryset(self, request):
        return super().get_queryset(request).filter(extraction__sealed=False)


@admin.register(EvaluationRecord)
class EvaluationRecordAdmin(ReadOnlyAdmin):
    list_display = ("expert", "lot", "attended", "score", "recorded_at")


@admin.register(Assessment)
class AssessmentAdmin(ReadOnlyAdmin):
    list_display = ("expert", "period_start", "period_end", "score")
