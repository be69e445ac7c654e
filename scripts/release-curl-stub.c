/*
 * Stand-ins for the libcurl functions that Foundation's URLSession calls, for the
 * static release binary only (scripts/release). FlyingFox, which serve uses,
 * has a proxy handler built on URLSession, so the linker takes in
 * FoundationNetworking and with it libcurl, which Debian offers statically only
 * together with Kerberos, LDAP and TLS libraries that have no static form.
 * publicita makes no network requests (it never creates a URLSession), so these
 * are never called; if one ever is, it says so and stops instead of crashing.
 */
#include <stdio.h>
#include <stdlib.h>

static void no_network(const char *name) {
    fprintf(stderr, "publicita: %s called, but this build has no network client (libcurl)\n", name);
    abort();
}

#define STUB(name) void name(void) { no_network(#name); }

STUB(curl_easy_cleanup)
STUB(curl_easy_getinfo)
STUB(curl_easy_init)
STUB(curl_easy_pause)
STUB(curl_easy_setopt)
STUB(curl_easy_strerror)
STUB(curl_free)
STUB(curl_global_init)
STUB(curl_multi_add_handle)
STUB(curl_multi_assign)
STUB(curl_multi_cleanup)
STUB(curl_multi_info_read)
STUB(curl_multi_init)
STUB(curl_multi_remove_handle)
STUB(curl_multi_setopt)
STUB(curl_multi_socket_action)
STUB(curl_slist_append)
STUB(curl_slist_free_all)
STUB(curl_url)
STUB(curl_url_get)
STUB(curl_url_set)
STUB(curl_version)
STUB(curl_version_info)
