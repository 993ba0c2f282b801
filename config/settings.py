"""Candid's settings: one module, driven by environment variables.

Every variable is listed in the README's "Configuration" table. Without any,
Candid runs embedded: SQLite and media under var/, a local-memory cache and
e-mail printed to the console. DEBUG is off unless asked for, so a forgotten
variable fails loudly at start-up rather than exposing debug pages.
"""

from pathlib import Path

from config.env import (
    database_from_url,
    email_from_url,
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_str,
    media_storage,
    secret_key,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VAR_DIR") or BASE_DIR / "var")

# --- Core -------------------------------------------------------------------

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = secret_key(DEBUG, VAR_DIR)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "config.views.csrf_failure"  # themed, and it gives back the text a refused form held

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.forms",
    "accounts",
    "blog",
    "comments",
    "wordpress",
    "demo",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.facebook",
    "accounts.providers.wordpress_com",
    "allauth.mfa",
    "csp",
    # The visual editor's scripts, styles and icon font (blog/admin/writing.py).
    "django_prose_editor",
    # Last: the wiring between the apps (config/apps.py).
    "config.apps.SiteConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, which answers for static files without going further down this list.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.middleware.security_headers",
    "config.middleware.database_unavailable",
    # Before anything reads the path, the query string or the body: the static files and the page cache too.
    "config.request_guard.refuse_malformed_requests",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise, whose static files come compressed already.
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "core.pagecache.middleware.page_cache",
    # After the page cache: a cached page needs no session, and a response that sets a session cookie
    # reaches the cache with it, so is never stored for others.
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.staff_two_factor",
    "blog.middleware.site_time_zone",
    "wordpress.redirects.old_addresses",
]

ROOT_URLCONF = "config.urls"
# Form templates come from the project's templates too: forms print as <div>s, not <p>s that
# cannot hold the password rules' list (templates/django/forms/p.html).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "config.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "blog.context_processors.site",
            ],
        },
    },
]

# --- Data -------------------------------------------------------------------

DATABASES = {
    "default": database_from_url(env_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'candid.sqlite3'}"),
}

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # If Redis goes away (refusing or hanging) the site keeps serving: each request waits for one
            # short timeout at most, and each process carries on with a memory cache of its own (config/cache.py).
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Sessions live in the database alone: a logout or a login made while Redis was away must not be undone by
# the copy Redis still holds when it comes back.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Whether every process sees the same cache: only then may it hold what a change must update everywhere.
SHARED_CACHE = bool(REDIS_URL)
# Readers' pages cached whole, for this many seconds at most (core/pagecache/); 0 turns it off. On by
# default only with Redis: one local-memory cache per process would let processes serve stale pages.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600 if SHARED_CACHE else 0)
# What a cached page depends on besides the database: a change to these files starts afresh.
PAGE_CACHE_SOURCES = [
    BASE_DIR / name for name in ("templates", "static", "core", "accounts", "blog", "comments", "wordpress", "config")
]
# The settings that change what pages show: a restart with other values starts afresh too (core/deployment.py).
PAGE_CACHE_SETTINGS = [
    "INSTALLED_APPS", "SOCIALACCOUNT_PROVIDERS", "SITE_URL", "LANGUAGE_CODE", "TIME_ZONE", "STATIC_URL", "MEDIA_URL",
    "STORAGES", "DEMO_LOGIN", "STAFF_2FA", "DEBUG",
]  # fmt: skip
# The model whose one row counts the changes readers can see (core/pagecache/generation.py).
PAGE_CACHE_CHANGES_MODEL = "blog.ContentGeneration"
# The model holding the atomic claims of core/claims.py (comment floods and duplicates, one preview at a time).
CLAIMS_MODEL = "comments.Claim"

# --- Files ------------------------------------------------------------------

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or VAR_DIR / "media")
# Candid serves the uploads itself where nothing else does (`make run`, `make serve`: config/views.py); in
# production nginx serves MEDIA_ROOT, or the bucket its files.
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG) and not env_str("MEDIA_BUCKET")
# The largest image upload accepted (blog/media/validation.py); a proxy in front must allow a little more.
CANDID_MAX_UPLOAD_BYTES = env_int("MAX_UPLOAD_MB", 20) * 1024 * 1024
CANDID_MAX_UPLOAD_PIXELS = env_int("MAX_UPLOAD_MEGAPIXELS", 40) * 1_000_000
STORAGES = {
    "default": media_storage(),
    # Hashed, compressed files with far-future caching; plain storage while developing.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- Language and time ------------------------------------------------------

LANGUAGE_CODE = env_str("LANGUAGE_CODE") or "en-us"
TIME_ZONE = env_str("TIME_ZONE") or "UTC"
USE_I18N = True
USE_TZ = True

# --- E-mail -----------------------------------------------------------------

# EMAIL_URL=smtp://USER:PASSWORD@HOST:587/?tls=1 (or ?ssl=1); without it, mail is printed to the console.
globals().update(email_from_url(env_str("EMAIL_URL")))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL") or "Candid <noreply@localhost>"
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security ---------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The site's own address, for links in e-mails and exports made outside a request.
SITE_URL = env_str("SITE_URL").rstrip("/")

X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy: the theme runs no inline script and no inline style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "https:"],  # readers' avatars from their providers, media on S3
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        # The video players a reader may press play on (blog.media.embeds.PLAYER_ORIGINS), and nothing else.
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        # Logging in to comment is a form whose answer redirects to the provider.
        "form-action": ["'self'", "https://www.facebook.com", "https://public-api.wordpress.com"],
    }
}
# Permissions-Policy: a blog asks for no device, sensor or payment; nor may anything it frames.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "bluetooth", "browsing-topics", "camera", "display-capture", "geolocation",
        "gyroscope", "hid", "magnetometer", "microphone", "midi", "payment", "screen-wake-lock", "serial", "usb",
        "xr-spatial-tracking",
    )
}  # fmt: skip
# A video pressed to play starts at once, in its player's frame.
PERMISSIONS_POLICY["autoplay"] = ["self", '"https://www.youtube-nocookie.com"', '"https://player.vimeo.com"']
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True

# HTTPS=1 when the site is served over TLS (directly or behind a proxy).
HTTPS = env_bool("HTTPS", False)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 31536000) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", True)
# Only trust X-Forwarded-Proto when a proxy that sets it stands in front (nginx, a PaaS router).
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True
# Behind a proxy every request comes from the proxy's address; the reader's is the one the outermost of our
# own proxies added to X-Forwarded-For (earlier entries can be forged). Comment flood control, the
# moderation lists and the login rate limits all key on it (allauth's get_client_ip).
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1 if BEHIND_PROXY else 0)

# --- Accounts and social login (django-allauth) -----------------------------

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "accounts.adapters.SocialAccountAdapter"
SOCIALACCOUNT_AUTO_SIGNUP = True
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# Editors and site owners must use a second factor to reach the admin (STAFF_2FA=0 turns it off).
STAFF_2FA = env_bool("STAFF_2FA", not DEBUG)
# A reader whose provider vouches for an address that their account here has verified too logs into that
# account, and the provider is connected to it. Never into a staff account: a provider account claiming an
# editor's address must not become the editor (accounts.adapters, can_authenticate_by_email).
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_STORE_TOKENS = False

# A provider appears on the site only when its credentials are set.
SOCIALACCOUNT_PROVIDERS = {
    provider: {"APPS": [{"client_id": env_str(f"{prefix}_CLIENT_ID"), "secret": env_str(f"{prefix}_CLIENT_SECRET")}]}
    for provider, prefix in (("facebook", "FACEBOOK"), ("wordpress_com", "WORDPRESS_COM"))
    if env_str(f"{prefix}_CLIENT_ID") and env_str(f"{prefix}_CLIENT_SECRET")
}
# Ask Facebook for the reader's picture (it sends none unless asked), and for nothing Candid does not use.
SOCIALACCOUNT_PROVIDERS.setdefault("facebook", {})["FIELDS"] = [
    "id", "email", "name", "first_name", "last_name", "picture.type(large)",
]  # fmt: skip
# The demo provider lets a newcomer try social login with no keys; never in production.
DEMO_LOGIN = env_bool("DEMO_LOGIN", DEBUG)
if DEMO_LOGIN:
    INSTALLED_APPS.append("allauth.socialaccount.providers.dummy")

# --- Logging ----------------------------------------------------------------

LOG_LEVELS = ["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]
LOG_FORMAT = env_choice("LOG_FORMAT", ["plain", "json"], "plain")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "config.logging.JsonFormatter"},
    },
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["stdout"], "level": env_choice("LOG_LEVEL", LOG_LEVELS, "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
