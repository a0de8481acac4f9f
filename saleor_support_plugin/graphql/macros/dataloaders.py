from collections import defaultdict
from collections.abc import Sequence

from ...macros.models import MacroTranslation
from ..core.dataloaders import DataLoader


class TranslationsByMacroLoader(DataLoader[int, list[MacroTranslation]]):
    """Every text of each macro, by language code, in one query."""

    context_key = "support_translations_by_macro"

    def batch_load(self, keys: Sequence[int]) -> list[list[MacroTranslation]]:
        by_macro: dict[int, list[MacroTranslation]] = defaultdict(list)
        rows = MacroTranslation.objects.filter(macro_id__in=list(keys)).order_by(
            "macro_id", "language_code"
        )
        for row in rows:
            by_macro[row.macro_id].append(row)
        return [by_macro[key] for key in keys]
