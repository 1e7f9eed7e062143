from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from . import selectors
from .forms import MAX_DAYS, UNIT_CHOICES


class AddQuerySerializer(serializers.Serializer):
    start = serializers.DateField(help_text="起算日（不计入）YYYY-MM-DD")
    days = serializers.IntegerField(min_value=0, max_value=MAX_DAYS)
    unit = serializers.ChoiceField(choices=UNIT_CHOICES, default="working_days")


class DueSerializer(serializers.Serializer):
    start = serializers.DateField()
    days = serializers.IntegerField()
    unit = serializers.CharField()
    due = serializers.DateField()
    provisional = serializers.BooleanField(help_text="所涉年度的官方节假日安排尚未载入")
    unloaded_years = serializers.ListField(child=serializers.IntegerField())


class DayQuerySerializer(serializers.Serializer):
    date = serializers.DateField()


class DaySerializer(serializers.Serializer):
    date = serializers.DateField()
    working_day = serializers.BooleanField()
    kind = serializers.CharField(allow_blank=True)
    name = serializers.CharField(allow_blank=True)
    provisional = serializers.BooleanField()


class AddView(APIView):
    """N working days (or calendar days) after a start date."""

    @extend_schema(parameters=[AddQuerySerializer], responses=DueSerializer)
    def get(self, request):
        query = AddQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        due, unloaded = selectors.due_date(**query.validated_data)
        return Response(DueSerializer({**query.validated_data, "due": due.date, "provisional": due.provisional,
                                       "unloaded_years": unloaded}).data)


class DayView(APIView):
    """Whether a date is a working day."""

    @extend_schema(parameters=[DayQuerySerializer], responses=DaySerializer)
    def get(self, request):
        query = DayQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        return Response(DaySerializer(selectors.day_info(query.validated_data["date"])).data)


urlpatterns = [
    path("add", AddView.as_view(), name="workdays-add"),
    path("day", DayView.as_view(), name="workdays-day"),
]
