/* hall-admin-maintenance-page.c — backups, the integrity check and the audit trail
 *
 * hall.backup writes the copy next to the hall's database (on the server's computer when the
 * hall is on the LAN), so the page says where it went. The daily backup's settings are hall
 * settings (hall.configure); hall.backup_list says what the last backup did and lists the folder,
 * and restoring one (hall.restore) asks first, since everything after it is lost. The audit trail is read a page at a time
 * with audit.list, newest first; it is not a change feed, so it is read when shown and on demand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-admin-maintenance"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-admin-maintenance-page.h"
#include "hall-dialog.h"
#include "hall-format.h"
#include "hall-json-item.h"
#include "hall-labels.h"
#include "hall-role.h"

#define AUDIT_PAGE 50

struct _HallAdminMaintenancePage
{
  HallAdminPage parent_instance;

  gboolean backing_up;
  gboolean checking;
  gboolean more_audit;
  char    *backup_path_text;

  GListStore *audit;
  GListStore *backups;

  GtkLabel      *backup_path;
  GtkLabel      *check_result;
  GtkListBox    *audit_list;
  GtkSwitch     *schedule_enabled;
  GtkSpinButton *schedule_hour;
  GtkSpinButton *schedule_minute;
  GtkSpinButton *schedule_keep;
  AdwActionRow  *schedule_status;
  GtkListBox    *backups_list;
};

G_DEFINE_FINAL_TYPE (HallAdminMaintenancePage, hall_admin_maintenance_page, HALL_TYPE_ADMIN_PAGE)

/* The daily backup's settings, and the restore's new hall. */
static const char *const refresh_on[] = { "setup.changed", NULL };

static void
hall_admin_maintenance_page_update_actions (HallPage *page)
{
  HallAdminMaintenancePage *self = HALL_ADMIN_MAINTENANCE_PAGE (page);
  gboolean                  online = hall_page_is_online (page);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "maintenance.backup",
                                 online && !self->backing_up);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "maintenance.check", online && !self->checking);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "maintenance.save-schedule", online);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "maintenance.restore", online);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "maintenance.audit-newest", online);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "maintenance.audit-older",
                                 online && self->more_audit);
}

static void
audit_cb (HallPage     *page,
          JsonObject   *reply,
          const GError *error,
          gpointer      user_data)
{
  HallAdminMaintenancePage *self = HALL_ADMIN_MAINTENANCE_PAGE (page);
  JsonArray                *entries;

  if (reply == NULL)
    {
      hall_page_toast (page, error->message);
      return;
    }
  entries = json_object_get_array_member (reply, "entries");
  hall_json_item_update_store (self->audit, entries, 0, FALSE);
  self->more_audit = entries != NULL && json_array_get_length (entries) == AUDIT_PAGE;
  hall_admin_maintenance_page_update_actions (page);
}

/* A page of the trail: the newest, or the one older than the entry @before. */
static void
read_audit (HallAdminMaintenancePage *self,
            gint64                    before)
{
  HallClient *client = hall_page_get_client (HALL_PAGE (self));
  g_autoptr (JsonObject) params = json_object_new ();

  if (client == NULL || !hall_client_is_signed_in (client))
    return;
  json_object_set_int_member (params, "limit", AUDIT_PAGE);
  if (before > 0)
    json_object_set_int_member (params, "before", before);
  hall_page_load (HALL_PAGE (self), "audit.list", params, audit_cb, NULL);
}

/* "2026-03-02 12:30" */
static char *
format_time (gint64 at)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_local (at);

  return time != NULL ? g_date_time_format (time, "%Y-%m-%d %H:%M") : g_strdup ("");
}

static const char *
describe_kind (const char *kind)
{
  if (g_strcmp0 (kind, "scheduled") == 0)
    /* Translators: a backup the hall took at the set time */
    return _ ("Daily backup");
  if (g_strcmp0 (kind, "before_restore") == 0)
    /* Translators: the backup of the hall taken just before a restore, to undo it */
    return _ ("Before a restore");
  /* Translators: a backup an admin made with "Back Up Now" */
  return _ ("Made by hand");
}

/* "Last backup": what the newest attempt did, and when the next daily one is. */
static void
show_schedule_status (HallAdminMaintenancePage *self,
                      JsonObject               *list)
{
  JsonObject *last =
      json_object_has_member (list, "last") ? json_object_get_object_member (list, "last") : NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  const char *failure = NULL;

  if (last == NULL)
    /* Translators: maintenance page: no backup was ever made */
    g_string_append (text, _ ("None yet"));
  else
    {
      g_autofree char *when = format_time (json_object_get_int_member (last, "at"));

      failure = json_object_get_string_member_with_default (last, "error", NULL);
      if (failure != NULL)
        /* Translators: the last backup failed: %1$s when, %2$s why */
        g_string_append_printf (text, _ ("Failed at %1$s: %2$s"), when, failure);
      else
        {
          g_autofree char *size =
              g_format_size (json_object_get_int_member_with_default (last, "size", 0));

          /* Translators: the last backup: %1$s when, %2$s the file, %3$s its size */
          g_string_append_printf (text, _ ("%1$s, %2$s (%3$s)"), when,
                                  json_object_get_string_member_with_default (last, "file", ""),
                                  size);
        }
    }
  if (json_object_has_member (list, "next_at"))
    {
      g_autofree char *next = format_time (json_object_get_int_member (list, "next_at"));

      /* Translators: maintenance page: when the next daily backup is taken */
      g_string_append_printf (text, _ (" · next: %s"), next);
    }
  adw_action_row_set_subtitle (self->schedule_status, text->str);
  if (failure != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->schedule_status), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->schedule_status), "error");
}

static void
backups_cb (HallPage     *page,
            JsonObject   *reply,
            const GError *error,
            gpointer      user_data)
{
  HallAdminMaintenancePage *self = HALL_ADMIN_MAINTENANCE_PAGE (page);
  gint64                    minute;

  if (reply == NULL)
    {
      hall_page_toast (page, error->message);
      return;
    }
  minute = json_object_get_int_member_with_default (reply, "minute", 750);
  gtk_switch_set_active (self->schedule_enabled,
                         json_object_get_boolean_member_with_default (reply, "enabled", TRUE));
  gtk_spin_button_set_value (self->schedule_hour, (double) (minute / 60));
  gtk_spin_button_set_value (self->schedule_minute, (double) (minute % 60));
  gtk_spin_button_set_value (self->schedule_keep,
                             (double) json_object_get_int_member_with_default (reply, "keep", 14));
  show_schedule_status (self, reply);
  hall_json_item_update_store (self->backups, json_object_get_array_member (reply, "backups"), 0,
                               FALSE);
}

static void
read_backups (HallAdminMaintenancePage *self)
{
  HallClient *client = hall_page_get_client (HALL_PAGE (self));

  if (client != NULL && hall_client_is_signed_in (client))
    hall_page_load (HALL_PAGE (self), "hall.backup_list", NULL, backups_cb, NULL);
}

/* The trail is no change feed: it is read while the page is in view. */
static void
hall_admin_maintenance_page_refresh (HallPage *page)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (page)))
    read_audit (HALL_ADMIN_MAINTENANCE_PAGE (page), 0);
  read_backups (HALL_ADMIN_MAINTENANCE_PAGE (page));
}

/* What the trail says of a command's result: "ok", else the hall's error code. */
static const char *
describe_result (const char *result)
{
  static const struct
  {
    const char *code;
    const char *text;
  } results[] = {
    /* Translators: the audit trail: the command was done */
    { "ok", N_ ("done") },
    /* Translators: the audit trail: a command refused, what was sent was wrong */
    { "invalid_argument", N_ ("refused: wrong input") },
    /* Translators: the audit trail: a command refused, nobody was signed in */
    { "unauthenticated", N_ ("refused: not signed in") },
    /* Translators: the audit trail: a command refused, the role may not do it */
    { "forbidden", N_ ("refused: not allowed") },
    /* Translators: the audit trail: what the command was about does not exist */
    { "not_found", N_ ("not found") },
    /* Translators: the audit trail: a command refused, it clashed with the hall's state */
    { "conflict", N_ ("refused: conflict") },
    /* Translators: the audit trail: a window called the next visitor, nobody was waiting */
    { "queue_empty", N_ ("nobody waiting") },
    /* Translators: the audit trail: a command refused, what was sent was too large */
    { "too_large", N_ ("refused: too large") },
    /* Translators: the audit trail: a command refused after too many tries */
    { "rate_limited", N_ ("refused: too many tries") },
    /* Translators: the audit trail: the hall could not do it just then */
    { "unavailable", N_ ("unavailable") },
    /* Translators: the audit trail: the hall server failed */
    { "internal", N_ ("server fault") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    if (g_str_equal (results[i].code, result))
      return _ (results[i].text);
  return result;
}

/* What a command was about, as the hall names it in the trail ("matter"). */
static const char *
describe_object (const char *type)
{
  static const struct
  {
    const char *type;
    const char *text;
  } objects[] = {
    /* Translators: the audit trail: what a command was about */
    { "matter", NC_ ("audit trail", "matter") },
    { "ticket", NC_ ("audit trail", "ticket") },
    { "user", NC_ ("audit trail", "account") },
    { "account", NC_ ("audit trail", "account") },
    { "counter", NC_ ("audit trail", "window") },
    { "department", NC_ ("audit trail", "department") },
    { "category", NC_ ("audit trail", "problem category") },
    { "calendar_day", NC_ ("audit trail", "calendar day") },
    { "petitioner", NC_ ("audit trail", "petitioner") },
    { "charge", NC_ ("audit trail", "charge") },
    { "leader_charge", NC_ ("audit trail", "charge") },
    { "reception", NC_ ("audit trail", "leader's reception") },
    { "leader_reception", NC_ ("audit trail", "leader's reception") },
    { "escalation", NC_ ("audit trail", "escalation") },
    { "leader_escalation", NC_ ("audit trail", "escalation") },
    { "supervision", NC_ ("audit trail", "supervision") },
    { "settings", NC_ ("audit trail", "hall settings") },
    { "backup", NC_ ("audit trail", "backup") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    if (g_str_equal (objects[i].type, type))
      return g_dpgettext2 (GETTEXT_PACKAGE, "audit trail", objects[i].text);
  return type;
}

static void
update_audit_row (AdwActionRow *row,
                  GParamSpec   *pspec,
                  HallJsonItem *item)
{
  JsonObject *entry = hall_json_item_get_data (item);
  gint64      at = json_object_get_int_member_with_default (entry, "at", 0);
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_local (at);
  g_autofree char *when = time ? g_date_time_format (time, "%Y-%m-%d %H:%M:%S") : g_strdup ("");
  const char      *command = json_object_get_string_member_with_default (entry, "command", "");
  const char      *username = json_object_get_string_member_with_default (entry, "username", NULL);
  const char      *role = json_object_get_string_member_with_default (entry, "role", NULL);
  const char      *object_type = json_object_get_string_member_with_default (entry, "object_type", NULL);
  JsonNode        *object_id = json_object_get_member (entry, "object_id");
  const char      *address = json_object_get_string_member_with_default (entry, "client_address", NULL);
  const char      *outcome = json_object_get_string_member_with_default (entry, "result", "");
  GtkLabel        *result_label = g_object_get_data (G_OBJECT (row), "result-label");
  g_autoptr (GString) subtitle = g_string_new (NULL);
  g_autofree char *title = g_strdup_printf ("%s  %s", when, hall_label_command (command));
  gboolean         ok = g_str_equal (outcome, "ok");
  g_autofree char *id = NULL;

  /* Translators: who did something in the audit trail, when nobody was signed in */
  g_string_append (subtitle, username ? username : _ ("nobody signed in"));
  if (role != NULL)
    g_string_append_printf (subtitle, " (%s)", _hall_role_label (role));
  if (object_type != NULL)
    g_string_append_printf (subtitle, " · %s", describe_object (object_type));
  /* The trail keeps an object's id as text. */
  if (object_type != NULL && object_id != NULL && JSON_NODE_HOLDS_VALUE (object_id))
    {
      id = json_node_get_value_type (object_id) == G_TYPE_STRING
               ? g_strdup (json_node_get_string (object_id))
               : g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (object_id));
      g_string_append_printf (subtitle, " #%s", id);
    }
  if (g_strcmp0 (address, "local") == 0)
    /* Translators: the audit trail: the command came from the app on the hall's own computer */
    g_string_append_printf (subtitle, " · %s", _ ("this computer"));
  else if (address != NULL && *address)
    g_string_append_printf (subtitle, " · %s", address);

  /* The command's own name, for whoever reads the trail with docs/api.md at hand. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), command);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, subtitle->str);
  gtk_label_set_text (result_label, describe_result (outcome));
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (result_label), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (result_label), "error");
}

static GtkWidget *
create_audit_row (gpointer item,
                  gpointer user_data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *result = gtk_label_new (NULL);

  gtk_widget_set_valign (result, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), result);
  g_object_set_data (G_OBJECT (row), "result-label", result);
  g_signal_connect_object (item, "notify::data", G_CALLBACK (update_audit_row), row,
                           G_CONNECT_SWAPPED);
  update_audit_row (ADW_ACTION_ROW (row), NULL, item);
  return row;
}

static void
backed_up_cb (HallPage     *page,
              JsonObject   *reply,
              const GError *error,
              gpointer      user_data)
{
  HallAdminMaintenancePage *self = HALL_ADMIN_MAINTENANCE_PAGE (page);

  self->backing_up = FALSE;
  if (reply == NULL)
    {
      /* Translators: the backup failed; %s says why */
      g_autofree char *message = g_strdup_printf (_ ("No backup was made: %s"), error->message);

      gtk_label_set_text (self->backup_path, message);
      gtk_widget_add_css_class (GTK_WIDGET (self->backup_path), "error");
      g_clear_pointer (&self->backup_path_text, g_free);
    }
  else
    {
      const char      *path = json_object_get_string_member_with_default (reply, "path", "");
      g_autofree char *size =
          g_format_size (json_object_get_int_member_with_default (reply, "size", 0));
      g_autofree char *clock =
          _hall_format_clock (json_object_get_int_member_with_default (reply, "at", 0));
      /* Translators: where the backup went: %1$s the file, %2$s its size, %3$s the time */
      g_autofree char *text = g_strdup_printf (_ ("%1$s (%2$s, at %3$s)"), path, size, clock);

      g_free (self->backup_path_text);
      self->backup_path_text = g_strdup (path);
      gtk_label_set_text (self->backup_path, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->backup_path), "error");
      hall_page_toast (page, _ ("Backup made."));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->backup_path), TRUE);
  read_audit (self, 0);
  read_backups (self);
}

static GtkWidget *
create_backup_row (gpointer item,
                   gpointer user_data)
{
  JsonObject      *backup = hall_json_item_get_data (item);
  const char      *file = json_object_get_string_member_with_default (backup, "file", "");
  g_autofree char *when = format_time (json_object_get_int_member_with_default (backup, "at", 0));
  g_autofree char *size =
      g_format_size (json_object_get_int_member_with_default (backup, "size", 0));
  g_autofree char *title = g_strdup_printf (
      "%s  %s", when,
      describe_kind (json_object_get_string_member_with_default (backup, "kind", NULL)));
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", file, size);
  GtkWidget       *row = adw_action_row_new ();
  /* Translators: maintenance page: button of a backup in the list; it asks first */
  GtkWidget *button = gtk_button_new_with_mnemonic (_ ("_Restore…"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "maintenance.restore");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", file);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
save_schedule_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HallAdminMaintenancePage *self = HALL_ADMIN_MAINTENANCE_PAGE (widget);
  g_autoptr (JsonObject) params = json_object_new ();

  json_object_set_int_member (params, "backup_enabled",
                              gtk_switch_get_active (self->schedule_enabled));
  json_object_set_int_member (params, "backup_minute",
                              gtk_spin_button_get_value_as_int (self->schedule_hour) * 60
                                  + gtk_spin_button_get_value_as_int (self->schedule_minute));
  json_object_set_int_member (params, "backup_keep",
                              gtk_spin_button_get_value_as_int (self->schedule_keep));
  hall_admin_page_change (HALL_ADMIN_PAGE (self), "hall.configure", params,
                          hall_admin_page_refresh_cb, NULL, NULL);
}

static void
restored_cb (HallPage     *page,
             JsonObject   *reply,
             const GError *error,
             gpointer      user_data)
{
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  if (reply == NULL)
    {
      hall_page_toast (page, error->message);
      return;
    }
  when = format_time (json_object_get_int_member_with_default (reply, "at", 0));
  /* Translators: toast after a restore; %s is the backup's time */
  text = g_strdup_printf (_ ("The hall is back to how it was at %s."), when);
  hall_page_toast (page, text);
  hall_page_refresh (page);
}

static void
restore_response_cb (HallAdminMaintenancePage *self,
                     const char               *response,
                     AdwMessageDialog         *dialog)
{
  g_autoptr (JsonObject) params = json_object_new ();

  if (!g_str_equal (response, "restore"))
    return;
  json_object_set_string_member (params, "file", _hall_dialog_get_key (dialog));
  hall_admin_page_change (HALL_ADMIN_PAGE (self), "hall.restore", params, restored_cb, NULL,
                          NULL);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HallAdminMaintenancePage *self = HALL_ADMIN_MAINTENANCE_PAGE (widget);
  const char               *file = g_variant_get_string (parameter, NULL);
  g_autofree char          *when = NULL;
  g_autofree char          *body = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->backups)); i++)
    {
      g_autoptr (HallJsonItem) item = g_list_model_get_item (G_LIST_MODEL (self->backups), i);
      JsonObject *backup = hall_json_item_get_data (item);

      if (g_strcmp0 (json_object_get_string_member_with_default (backup, "file", NULL), file) == 0)
        when = format_time (json_object_get_int_member_with_default (backup, "at", 0));
    }
  if (when == NULL)
    return;

  body = g_strdup_printf (
      /* Translators: the question before a restore; %s is the backup's time */
      _ ("The whole hall goes back to how it was at %s: everything done after that moment is "
         "lost, on every computer of the hall. The hall as it is now is backed up first, so "
         "restoring that backup undoes this."),
      when);
  /* Translators: heading of the question before a restore */
  _hall_dialog_confirm (widget, 0, file, _ ("Restore This Backup?"), body, "restore",
                        /* Translators: the button that restores a backup */
                        _ ("_Restore"), G_CALLBACK (restore_response_cb));
}

static void
backup_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HallAdminMaintenancePage *self = HALL_ADMIN_MAINTENANCE_PAGE (widget);

  if (hall_page_get_client (HALL_PAGE (self)) == NULL || self->backing_up)
    return;
  self->backing_up = TRUE;
  hall_admin_page_change (HALL_ADMIN_PAGE (self), "hall.backup", NULL, backed_up_cb, NULL, NULL);
}

static void
checked_cb (HallPage     *page,
            JsonObject   *reply,
            const GError *error,
            gpointer      user_data)
{
  HallAdminMaintenancePage *self = HALL_ADMIN_MAINTENANCE_PAGE (page);
  g_autofree char          *report = NULL;

  self->checking = FALSE;
  if (reply == NULL)
    gtk_label_set_text (self->check_result, error->message);
  else if (json_object_get_boolean_member_with_default (reply, "ok", FALSE))
    gtk_label_set_text (self->check_result, _ ("The records are sound."));
  else
    {
      /* Translators: the integrity check found damage; %s is the report */
      report = g_strdup_printf (
          _ ("Problems found; restore the last good backup and call for support:\n%s"),
          json_object_get_string_member_with_default (reply, "report", ""));
      gtk_label_set_text (self->check_result, report);
    }
}

static void
check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HallAdminMaintenancePage *self = HALL_ADMIN_MAINTENANCE_PAGE (widget);

  if (hall_page_get_client (HALL_PAGE (self)) == NULL || self->checking)
    return;
  self->checking = TRUE;
  /* Translators: the integrity check is running */
  gtk_label_set_text (self->check_result, _ ("Checking…"));
  hall_admin_page_change (HALL_ADMIN_PAGE (self), "hall.check", NULL, checked_cb, NULL, NULL);
}

static void
audit_newest_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  read_audit (HALL_ADMIN_MAINTENANCE_PAGE (widget), 0);
}

static void
audit_older_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HallAdminMaintenancePage *self = HALL_ADMIN_MAINTENANCE_PAGE (widget);
  guint                     n = g_list_model_get_n_items (G_LIST_MODEL (self->audit));
  g_autoptr (HallJsonItem) last =
      n > 0 ? g_list_model_get_item (G_LIST_MODEL (self->audit), n - 1) : NULL;

  if (last != NULL)
    read_audit (self, hall_json_item_get_id (last));
}

/* A backup or a check sent through the last client never answers. */
static void
client_changed_cb (HallAdminMaintenancePage *self)
{
  self->backing_up = FALSE;
  self->checking = FALSE;
}

static void
hall_admin_maintenance_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (hall_admin_maintenance_page_parent_class)->map (widget);
  /* The trail grows with every command: show the newest whenever the page comes into view. */
  hall_page_refresh (HALL_PAGE (widget));
}

static void
hall_admin_maintenance_page_finalize (GObject *object)
{
  HallAdminMaintenancePage *self = HALL_ADMIN_MAINTENANCE_PAGE (object);

  g_clear_object (&self->audit);
  g_clear_object (&self->backups);
  g_clear_pointer (&self->backup_path_text, g_free);
  G_OBJECT_CLASS (hall_admin_maintenance_page_parent_class)->finalize (object);
}

static void
hall_admin_maintenance_page_class_init (HallAdminMaintenancePageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HallPageClass  *page_class = HALL_PAGE_CLASS (klass);

  object_class->finalize = hall_admin_maintenance_page_finalize;
  widget_class->map = hall_admin_maintenance_page_map;
  page_class->refresh = hall_admin_maintenance_page_refresh;
  page_class->update_actions = hall_admin_maintenance_page_update_actions;
  HALL_ADMIN_PAGE_CLASS (klass)->refresh_on = refresh_on;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/admin/hall-admin-maintenance-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HallAdminMaintenancePage, backup_path);
  gtk_widget_class_bind_template_child (widget_class, HallAdminMaintenancePage, check_result);
  gtk_widget_class_bind_template_child (widget_class, HallAdminMaintenancePage, audit_list);
  gtk_widget_class_bind_template_child (widget_class, HallAdminMaintenancePage, schedule_enabled);
  gtk_widget_class_bind_template_child (widget_class, HallAdminMaintenancePage, schedule_hour);
  gtk_widget_class_bind_template_child (widget_class, HallAdminMaintenancePage, schedule_minute);
  gtk_widget_class_bind_template_child (widget_class, HallAdminMaintenancePage, schedule_keep);
  gtk_widget_class_bind_template_child (widget_class, HallAdminMaintenancePage, schedule_status);
  gtk_widget_class_bind_template_child (widget_class, HallAdminMaintenancePage, backups_list);

  gtk_widget_class_install_action (widget_class, "maintenance.backup", NULL, backup_action);
  gtk_widget_class_install_action (widget_class, "maintenance.check", NULL, check_action);
  gtk_widget_class_install_action (widget_class, "maintenance.save-schedule", NULL,
                                   save_schedule_action);
  gtk_widget_class_install_action (widget_class, "maintenance.restore", "s", restore_action);
  gtk_widget_class_install_action (widget_class, "maintenance.audit-newest", NULL,
                                   audit_newest_action);
  gtk_widget_class_install_action (widget_class, "maintenance.audit-older", NULL,
                                   audit_older_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "maintenance.audit-newest",
                                       NULL);
}

static void
hall_admin_maintenance_page_init (HallAdminMaintenancePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->audit = g_list_store_new (HALL_TYPE_JSON_ITEM);
  gtk_list_box_bind_model (self->audit_list, G_LIST_MODEL (self->audit), create_audit_row, NULL,
                           NULL);
  self->backups = g_list_store_new (HALL_TYPE_JSON_ITEM);
  gtk_list_box_bind_model (self->backups_list, G_LIST_MODEL (self->backups), create_backup_row,
                           NULL, NULL);
  g_signal_connect (self, "notify::client", G_CALLBACK (client_changed_cb), NULL);
  hall_admin_maintenance_page_update_actions (HALL_PAGE (self));
}

GtkWidget *
hall_admin_maintenance_page_new (HallClient *client)
{
  return g_object_new (HALL_TYPE_ADMIN_MAINTENANCE_PAGE, "client", client, NULL);
}

GListModel *
hall_admin_maintenance_page_get_backups (HallAdminMaintenancePage *self)
{
  g_return_val_if_fail (HALL_IS_ADMIN_MAINTENANCE_PAGE (self), NULL);
  return G_LIST_MODEL (self->backups);
}

GListModel *
hall_admin_maintenance_page_get_audit (HallAdminMaintenancePage *self)
{
  g_return_val_if_fail (HALL_IS_ADMIN_MAINTENANCE_PAGE (self), NULL);
  return G_LIST_MODEL (self->audit);
}

const char *
hall_admin_maintenance_page_get_backup_path (HallAdminMaintenancePage *self)
{
  g_return_val_if_fail (HALL_IS_ADMIN_MAINTENANCE_PAGE (self), NULL);
  return self->backup_path_text;
}

gboolean
hall_admin_maintenance_page_get_busy (HallAdminMaintenancePage *self)
{
  g_return_val_if_fail (HALL_IS_ADMIN_MAINTENANCE_PAGE (self), FALSE);
  return hall_admin_page_get_busy (HALL_ADMIN_PAGE (self));
}
