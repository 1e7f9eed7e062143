from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import connection, transaction

from lianjian.core import crypto


def encrypted_columns():
    """(table, [columns]) of every model with encrypted fields."""
    for model in apps.get_models():
        columns = [f.column for f in model._meta.concrete_fields if isinstance(f, crypto.EncryptedTextField)]
        if columns:
            yield model._meta.db_table, model._meta.pk.column, columns


class Command(BaseCommand):
    help = "用 LIANJIAN_FIELD_KEYS 中的第一个密钥重新加密全部加密字段（轮换密钥后运行）。Re-encrypt under the newest key."

    def handle(self, *args, **options):
        quote = connection.ops.quote_name
        total = 0
        with transaction.atomic(), connection.cursor() as cursor:
            for table, pk, columns in encrypted_columns():
                cursor.execute(f"SELECT {quote(pk)}, {', '.join(map(quote, columns))} FROM {quote(table)}")
                for key, *values in cursor.fetchall():
                    fresh = [crypto.reencrypt(v) if v else v for v in values]
                    assignments = ", ".join(f"{quote(c)} = %s" for c in columns)
                    cursor.execute(f"UPDATE {quote(table)} SET {assignments} WHERE {quote(pk)} = %s", [*fresh, key])
                    total += 1
        self.stdout.write(self.style.SUCCESS(f"已用新密钥重新加密 {total} 行"))
