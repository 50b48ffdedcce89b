from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from kucun.core.models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "role", "phone", "is_active", "is_staff", "date_joined"]
    list_filter = ["role", "is_active", "is_staff"]
    search_fields = ["username", "phone", "first_name", "last_name", "email"]
    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        (_("Kucun"), {"fields": ["role", "phone"]}),
    ]
    add_fieldsets = [
        *DjangoUserAdmin.add_fieldsets,
        (_("Kucun"), {"fields": ["role", "phone"]}),
    ]
