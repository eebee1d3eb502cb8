from django.urls import URLPattern, URLResolver

app_name = "orgunits"

urlpatterns: list[URLPattern | URLResolver] = []
