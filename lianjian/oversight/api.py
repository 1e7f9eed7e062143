"""REST API of the oversight channel: a recorded search over one data set, and the access log."""

from django.urls import path
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter
from rest_framework.views import APIView

from . import selectors, services
from .datasets import DATASET_CHOICES
from .models import AccessLogEntry


class SearchResultSerializer(serializers.Serializer):
    dataset = serializers.CharField()
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    pages = serializers.IntegerField()
    headers = serializers.ListField(child=serializers.CharField())
    rows = serializers.ListField(child=serializers.DictField())


class SearchView(APIView):
    """Search one data set; the query and its row count are written to the access log first."""

    @extend_schema(
        parameters=[OpenApiParameter("dataset", str, enum=[code for code, _label in DATASET_CHOICES], required=True),
                    OpenApiParameter("q", str, description=_("关键词")),
                    OpenApiParameter("page", int)],
        responses=SearchResultSerializer,
    )
    def get(self, request):
        params = request.query_params
        dataset, page = services.oversight_search(actor=request.user, dataset=params.get("dataset", ""),
                                                  q=params.get("q", ""), page=params.get("page"))
        headers = [str(h) for h in dataset.headers]
        rows = [{"id": obj.pk, "link": dataset.link(obj),
                 "cells": [None if v is None else str(v) for v in dataset.cells(obj)]} for obj in page.object_list]
        return Response({"dataset": dataset.code, "count": page.paginator.count, "page": page.number,
                         "pages": page.paginator.num_pages, "headers": headers, "rows": rows})


class AccessLogSerializer(serializers.ModelSerializer):
    actor = serializers.StringRelatedField()
    unit = serializers.StringRelatedField()

    class Meta:
        model = AccessLogEntry
        fields = ["id", "at", "actor", "unit", "kind", "dataset", "query", "row_count", "export_filename"]


class AccessLogViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = AccessLogSerializer

    def get_queryset(self):
        return selectors.access_log_for(actor=self.request.user)


router = SimpleRouter()
router.register("access-log", AccessLogViewSet, basename="oversight-access-log")
urlpatterns = [path("search/", SearchView.as_view(), name="oversight-search"), *router.urls]
