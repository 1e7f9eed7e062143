from django.apps import apps

from lianjian.core import permissions

# Tables that no user reads or writes through the application: bookkeeping rows of the machinery itself.
INTERNAL_MODELS = {
    "audit.auditchainhead",
}


def test_every_model_of_the_platform_has_a_permission_policy_or_is_declared_internal():
    missing = [
        model._meta.label_lower
        for model in apps.get_models()
        if model.__module__.startswith("lianjian.")
        and model._meta.label_lower not in INTERNAL_MODELS
        and permissions.policy_for(model) is None
    ]
    assert missing == [], f"models without a permission policy: {missing}"
