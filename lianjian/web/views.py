from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render

from lianjian.accounts import services as accounts
from lianjian.accounts.forms import ThrottledAuthenticationForm
from lianjian.accounts.sessions import second_factor_begin, sign_in

from . import selectors


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    redirect_authenticated_user = True
    authentication_form = ThrottledAuthenticationForm

    def form_valid(self, form):
        """A person with an authenticator is signed in only after the code; everyone else now."""
        user = form.get_user()
        if accounts.totp_enrolled(user):
            second_factor_begin(self.request, user, self.get_success_url())
            return redirect("accounts:totp_verify")
        sign_in(self.request, user)
        accounts.login_success_record(user=user, ip=accounts.client_ip(self.request), second_factor=False)
        return HttpResponseRedirect(self.get_success_url())


class LogoutView(auth_views.LogoutView):
    pass


@login_required
def dashboard(request):
    return render(request, "web/dashboard.html", selectors.dashboard_panels(actor=request.user))
