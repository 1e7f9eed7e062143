from django.conf import settings


class SecurityHeadersMiddleware:
    """The headers Django's SecurityMiddleware does not set: Content-Security-Policy and Permissions-Policy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.LIANJIAN_CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", settings.LIANJIAN_PERMISSIONS_POLICY)
        return response
