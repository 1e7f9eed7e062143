"""一公开: pages anyone may open without logging in — the draws (commitment before, seed and snapshots after, with
a re-run on the spot) and the published results."""

import json
from collections import Counter

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render

from .. import selectors, services
from ..models import DrawStatus
from .common import messages_of, page_of


def public_results(request):
    return render(request, "inspections/public_results.html", {
        "tasks": page_of(request, selectors.public_tasks()),
        "draws": selectors.public_draws()[:20],
    })


def public_draw(request, pk):
    draw = get_object_or_404(selectors.public_draws(), pk=pk)
    verified, problems = None, []
    if draw.status != DrawStatus.COMMITTED:
        try:
            verified = services.draw_verify(draw)
        except ValidationError as exc:
            problems = messages_of(exc)
    task = draw.task
    results = {r.obj_id: r for r in selectors.public_results(task)} if draw.status == DrawStatus.DRAWN else {}
    rows = []
    if draw.status != DrawStatus.COMMITTED:
        for row, team in selectors.team_rows(draw):
            # The public sees which units inspect an object, not the officers' names.
            units = Counter(str(a.inspector.unit) for a in team)
            rows.append((row, sorted(units.items()), results.get(row.obj_id)))
    return render(request, "inspections/public_draw.html", {
        "draw": draw, "task": task, "verified": verified, "problems": problems, "rows": rows,
        "history": task.draws.order_by("attempt"),
    })


def public_draw_record(request, pk):
    draw = get_object_or_404(selectors.public_draws(), pk=pk)
    if draw.status == DrawStatus.COMMITTED:
        raise Http404
    body = json.dumps(services.published_record(draw), ensure_ascii=False, sort_keys=True)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="inspection-draw-{draw.pk}.json"'
    return response
