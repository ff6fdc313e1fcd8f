/* hall-tls.c — the hall server's self-signed certificate
 *
 * A hall has no certificate authority: the server makes its own certificate on first start and
 * prints its fingerprint, and each client pins that fingerprint the first time it connects, as
 * SSH does with host keys.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-tls"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include "hall-tls.h"

#define VALIDITY_SECONDS ((time_t) 10 * 365 * 24 * 60 * 60 + 3 * 24 * 60 * 60)

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_x509_crt_t, gnutls_x509_crt_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_x509_privkey_t, gnutls_x509_privkey_deinit, NULL)

static void
clear_datum (gnutls_datum_t *datum)
{
  if (datum->data != NULL)
    {
      gnutls_memset (datum->data, 0, datum->size);
      gnutls_free (datum->data);
    }
  datum->data = NULL;
  datum->size = 0;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (gnutls_datum_t, clear_datum)

static gboolean
check (int         rc,
       const char *what,
       GError    **error)
{
  if (rc >= 0)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _ ("Cannot make the server certificate (%s): %s"), what, gnutls_strerror (rc));
  return FALSE;
}

static gboolean
add_ip (gnutls_x509_crt_t crt,
        const char       *text,
        GError          **error)
{
  g_autoptr (GInetAddress) address = g_inet_address_new_from_string (text);

  return check (gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_IPADDRESS,
                                                      g_inet_address_to_bytes (address),
                                                      g_inet_address_get_native_size (address),
                                                      GNUTLS_FSAN_APPEND),
                "subjectAltName", error);
}

gboolean
hall_tls_create (const char *cert_path,
                 const char *key_path,
                 const char *common_name,
                 GError    **error)
{
  g_auto (gnutls_x509_privkey_t) key = NULL;
  g_auto (gnutls_x509_crt_t) crt = NULL;
  g_auto (gnutls_datum_t) key_pem = { NULL, 0 };
  g_auto (gnutls_datum_t) crt_pem = { NULL, 0 };
  unsigned char    serial[16];
  time_t           now = time (NULL);
  g_autofree char *cn =
      g_utf8_substring (common_name, 0, MIN (g_utf8_strlen (common_name, -1), 64));
  static const char organization[] = "Xinfang Hall";

  g_return_val_if_fail (cert_path != NULL && key_path != NULL && common_name != NULL, FALSE);

  if (!check (gnutls_x509_privkey_init (&key), "key", error)
      || !check (gnutls_x509_privkey_generate (
                     key, GNUTLS_PK_ECDSA, GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP256R1), 0),
                 "key", error)
      || !check (gnutls_x509_crt_init (&crt), "certificate", error)
      || !check (gnutls_x509_crt_set_version (crt, 3), "version", error)
      || !check (gnutls_rnd (GNUTLS_RND_NONCE, serial, sizeof serial), "serial", error))
    return FALSE;

  /* A positive serial number with no leading zero octet. */
  serial[0] = (serial[0] & 0x7f) | 0x40;

  if (!check (gnutls_x509_crt_set_serial (crt, serial, sizeof serial), "serial", error)
      || !check (gnutls_x509_crt_set_activation_time (crt, now - 60 * 60), "validity", error)
      || !check (gnutls_x509_crt_set_expiration_time (crt, now + VALIDITY_SECONDS), "validity",
                 error)
      || !check (
          gnutls_x509_crt_set_dn_by_oid (crt, GNUTLS_OID_X520_COMMON_NAME, 0, cn, strlen (cn)),
          "subject", error)
      || !check (gnutls_x509_crt_set_dn_by_oid (crt, GNUTLS_OID_X520_ORGANIZATION_NAME, 0,
                                                organization, strlen (organization)),
                 "subject", error)
      || !check (gnutls_x509_crt_set_key (crt, key), "key", error)
      || !check (gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_DNSNAME, cn, strlen (cn),
                                                       GNUTLS_FSAN_APPEND),
                 "subjectAltName", error))
    return FALSE;

  if (g_ascii_strcasecmp (cn, "localhost") != 0
      && !check (gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_DNSNAME, "localhost",
                                                       strlen ("localhost"), GNUTLS_FSAN_APPEND),
                 "subjectAltName", error))
    return FALSE;

  if (!add_ip (crt, "127.0.0.1", error) || !add_ip (crt, "::1", error)
      || !check (gnutls_x509_crt_set_basic_constraints (crt, 0, -1), "basicConstraints", error)
      || !check (gnutls_x509_crt_set_key_usage (crt, GNUTLS_KEY_DIGITAL_SIGNATURE), "keyUsage",
                 error)
      || !check (gnutls_x509_crt_set_key_purpose_oid (crt, GNUTLS_KP_TLS_WWW_SERVER, 0),
                 "extKeyUsage", error))
    return FALSE;

  {
    unsigned char id[64];
    size_t        id_size = sizeof id;

    if (!check (gnutls_x509_crt_get_key_id (crt, 0, id, &id_size), "subjectKeyIdentifier", error)
        || !check (gnutls_x509_crt_set_subject_key_id (crt, id, id_size), "subjectKeyIdentifier",
                   error))
      return FALSE;
  }

  if (!check (gnutls_x509_crt_sign2 (crt, crt, key, GNUTLS_DIG_SHA256, 0), "signature", error)
      || !check (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_PEM, &crt_pem), "export", error)
      || !check (gnutls_x509_privkey_export2_pkcs8 (key, GNUTLS_X509_FMT_PEM, NULL,
                                                    GNUTLS_PKCS_PLAIN, &key_pem),
                 "export", error))
    return FALSE;

  /* The key first: a certificate on disk always has its key. */
  if (!g_file_set_contents_full (key_path, (const char *) key_pem.data, key_pem.size,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0600,
                                 error)
      || !g_file_set_contents_full (cert_path, (const char *) crt_pem.data, crt_pem.size,
                                    G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                    0644, error))
    return FALSE;

  return TRUE;
}

char *
hall_tls_dir_for_database (const char *database_path)
{
  g_return_val_if_fail (database_path != NULL, NULL);
  return g_strconcat (database_path, ".tls", NULL);
}

GTlsCertificate *
hall_tls_load_or_create (const char *dir,
                         gboolean   *created,
                         GError    **error)
{
  g_autofree char *cert_path = g_build_filename (dir, "cert.pem", NULL);
  g_autofree char *key_path = g_build_filename (dir, "key.pem", NULL);
  gboolean         made = FALSE;

  if (created)
    *created = FALSE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _ ("Cannot create the certificate folder “%s”: %s"), dir,
                   g_strerror (saved_errno));
      return NULL;
    }

  if (!g_file_test (cert_path, G_FILE_TEST_EXISTS) || !g_file_test (key_path, G_FILE_TEST_EXISTS))
    {
      const char *host = g_get_host_name ();

      if (!hall_tls_create (cert_path, key_path, host && *host ? host : "localhost", error))
        return NULL;
      made = TRUE;
    }

  {
    GError          *local_error = NULL;
    GTlsCertificate *certificate =
        g_tls_certificate_new_from_files (cert_path, key_path, &local_error);

    if (certificate == NULL)
      {
        /* Never replace a broken certificate silently: every client has pinned the old one. */
        g_set_error (
            error, local_error->domain, local_error->code,
            _ ("Cannot load the server certificate in “%s”: %s. Move the folder away to make a "
               "new certificate; every client will then ask to trust the new fingerprint."),
            dir, local_error->message);
        g_error_free (local_error);
        return NULL;
      }
    if (created)
      *created = made;
    return certificate;
  }
}

char *
hall_tls_fingerprint (GTlsCertificate *certificate)
{
  g_autoptr (GByteArray) der = NULL;
  g_autoptr (GChecksum) checksum = NULL;
  guint8   digest[32];
  gsize    digest_len = sizeof digest;
  GString *out;

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  g_object_get (certificate, "certificate", &der, NULL);
  if (der == NULL)
    return NULL;

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, der->data, der->len);
  g_checksum_get_digest (checksum, digest, &digest_len);

  out = g_string_sized_new (digest_len * 3);
  for (gsize i = 0; i < digest_len; i++)
    g_string_append_printf (out, i == 0 ? "%02X" : ":%02X", digest[i]);
  return g_string_free (out, FALSE);
}
