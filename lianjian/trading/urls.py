app_name = "trading"

urlpatterns = []
