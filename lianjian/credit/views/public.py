"""The exposure board (曝光台): published 严重失信主体 in force, for anyone, public fields only (seed 000
§(十三): 通过“曝光台”栏目向社会公布)."""

from django.shortcuts import render

from .. import selectors
from .common import page_of


def exposure(request):
    q = request.GET.get("q", "").strip()
    return render(request, "credit/exposure.html", {"q": q, "page": page_of(request, selectors.exposure_entries(q=q))})
