/* hall-tls.h — the hall server's self-signed certificate and its fingerprint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Loads the server certificate kept in @dir (cert.pem and key.pem), first creating the folder
 * (mode 0700) and a new self-signed certificate when there is none: ECDSA P-256, CN and
 * subjectAltName the host name (plus localhost, 127.0.0.1 and ::1), valid for 10 years, the key
 * file mode 0600. @created (may be NULL) tells whether it was made now. */
GTlsCertificate *hall_tls_load_or_create (const char *dir,
                                          gboolean   *created,
                                          GError    **error);
/* Writes a new self-signed certificate for @common_name to @cert_path and @key_path. */
gboolean hall_tls_create (const char *cert_path,
                          const char *key_path,
                          const char *common_name,
                          GError    **error);
/* The SHA-256 fingerprint of the certificate's DER encoding as upper-case hex pairs joined by
 * ':' ("3A:0F:…", 95 characters), the form clients pin and people compare by eye. */
char *hall_tls_fingerprint (GTlsCertificate *certificate);
/* The folder next to the database where its certificate lives: "@database_path.tls". */
char *hall_tls_dir_for_database (const char *database_path);

G_END_DECLS
