/* hall-workspace.c — the signed-in shell: a sidebar of the role's pages and the page shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-workspace"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-admin-accounts-page.h"
#include "hall-admin-calendar-page.h"
#include "hall-admin-maintenance-page.h"
#include "hall-admin-setup-page.h"
#include "hall-board-page.h"
#include "hall-charges-page.h"
#include "hall-command.h"
#include "hall-escalations-page.h"
#include "hall-followup-page.h"
#include "hall-counter-page.h"
#include "hall-matter-list-page.h"
#include "hall-queue-page.h"
#include "hall-reception-page.h"
#include "hall-roster-page.h"
#include "hall-rows.h"
#include "hall-ledgers-page.h"
#include "hall-stats-page.h"
#include "hall-supervision-page.h"
#include "hall-triage-page.h"
#include "hall-windows-page.h"
#include "hall-workspace.h"

typedef struct
{
  const char *name;
  const char *title; /* N_() */
  const char *icon_name;
  guint       roles; /* HallRole bits the page serves */
  GType (*get_type) (void);
} HallWorkspacePageInfo;

/* Every page of every role, in sidebar order. A role's first page opens after sign-in. */
static const HallWorkspacePageInfo page_infos[] = {
  { "counter", N_ ("My Window"), "system-users-symbolic", HALL_ROLE_STAFF,
    hall_counter_page_get_type },
  { "matters", N_ ("My Matters"), "folder-documents-symbolic", HALL_ROLE_STAFF,
    hall_matter_list_page_get_type },
  { "board", N_ ("Hall Board"), "view-grid-symbolic", HALL_ROLES_PEOPLE, hall_board_page_get_type },
  { "triage", N_ ("Triage"), "contact-new-symbolic", HALL_ROLE_MANAGER, hall_triage_page_get_type },
  { "queue", N_ ("Queue"), "view-list-symbolic", HALL_ROLE_MANAGER, hall_queue_page_get_type },
  { "roster", N_ ("Duty Roster"), "x-office-calendar-symbolic", HALL_ROLE_MANAGER,
    hall_roster_page_get_type },
  { "escalations", N_ ("Escalations"), "mail-send-symbolic", HALL_ROLE_MANAGER,
    hall_escalations_page_get_type },
  { "windows", N_ ("Window Settings"), "emblem-system-symbolic", HALL_ROLE_MANAGER,
    hall_windows_page_get_type },
  { "reception", N_ ("Reception"), "avatar-default-symbolic", HALL_ROLE_LEADER,
    hall_reception_page_get_type },
  { "charges", N_ ("My Charged Matters"), "emblem-documents-symbolic", HALL_ROLE_LEADER,
    hall_charges_page_get_type },
  { "supervision", N_ ("Supervision"), "alarm-symbolic", HALL_ROLE_LEADER,
    hall_supervision_page_get_type },
  /* 回访核实: staff and managers call, leaders send someone to check on site */
  { "followup", N_ ("Follow-up"), "call-start-symbolic",
    HALL_ROLE_STAFF | HALL_ROLE_MANAGER | HALL_ROLE_LEADER, hall_followup_page_get_type },
  { "admin-setup", N_ ("Hall Setup"), "preferences-system-symbolic", HALL_ROLE_ADMIN,
    hall_admin_setup_page_get_type },
  { "admin-accounts", N_ ("Accounts"), "system-users-symbolic", HALL_ROLE_ADMIN,
    hall_admin_accounts_page_get_type },
  { "admin-calendar", N_ ("Working-Day Calendar"), "x-office-calendar-symbolic", HALL_ROLE_ADMIN,
    hall_admin_calendar_page_get_type },
  { "admin-maintenance", N_ ("Backup and Audit"), "drive-harddisk-symbolic", HALL_ROLE_ADMIN,
    hall_admin_maintenance_page_get_type },
  /* Last: the figures and ledgers a role reads, after the pages it works on (an admin opens on
   * Hall Setup) */
  { "statistics", N_ ("Statistics"), "x-office-spreadsheet-symbolic",
    HALL_ROLE_MANAGER | HALL_ROLE_LEADER | HALL_ROLE_ADMIN, hall_stats_page_get_type },
  { "ledgers", N_ ("Ledgers"), "x-office-document-symbolic",
    HALL_ROLE_MANAGER | HALL_ROLE_LEADER | HALL_ROLE_ADMIN, hall_ledgers_page_get_type },
};

struct _HallWorkspace
{
  AdwBin parent_instance;

  HallClient *client;
  char       *role;
  GPtrArray  *pages; /* GtkWidget*, the current role's pages */

  AdwLeaflet *leaflet;
  GtkListBox *sidebar_list;
  GtkStack   *content_stack;
};

G_DEFINE_FINAL_TYPE (HallWorkspace, hall_workspace, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_CLIENT,
  PROP_ROLE,
  PROP_FOLDED,
  PROP_VISIBLE_PAGE_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
sidebar_row_new (const HallWorkspacePageInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_ (info->title));

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (info->icon_name));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, info->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ (info->title), -1);
  return row;
}

static void
clear_pages (HallWorkspace *self)
{
  _hall_rows_remove_all (self->sidebar_list);
  for (guint i = 0; i < self->pages->len; i++)
    gtk_stack_remove (self->content_stack, self->pages->pdata[i]);
  g_ptr_array_set_size (self->pages, 0);
  gtk_stack_set_visible_child_name (self->content_stack, "none");
}

static void
build_pages (HallWorkspace *self)
{
  HallRole       role = self->role ? hall_role_from_string (self->role) : 0;
  GtkListBoxRow *first;

  clear_pages (self);
  if (role == 0 || self->client == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (page_infos); i++)
    {
      const HallWorkspacePageInfo *info = &page_infos[i];
      GtkWidget                   *page;
      GtkStackPage                *stack_page;

      if (!(info->roles & role))
        continue;
      page = g_object_new (info->get_type (), "client", self->client, NULL);
      stack_page = gtk_stack_add_named (self->content_stack, page, info->name);
      gtk_stack_page_set_title (stack_page, _ (info->title));
      gtk_stack_page_set_icon_name (stack_page, info->icon_name);
      g_ptr_array_add (self->pages, page);
      gtk_list_box_append (self->sidebar_list, sidebar_row_new (info));
    }

  first = gtk_list_box_get_row_at_index (self->sidebar_list, 0);
  if (first != NULL)
    {
      gtk_list_box_select_row (self->sidebar_list, first);
      gtk_stack_set_visible_child_name (self->content_stack,
                                        gtk_widget_get_name (GTK_WIDGET (first)));
    }
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_PAGE_NAME]);
}

static void
sidebar_row_activated_cb (HallWorkspace *self,
                          GtkListBoxRow *row)
{
  hall_workspace_show_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
leaflet_folded_cb (HallWorkspace *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}

static void
hall_workspace_dispose (GObject *object)
{
  HallWorkspace *self = HALL_WORKSPACE (object);

  if (self->pages != NULL)
    g_ptr_array_set_size (self->pages, 0);
  /* AdwBin would unparent its child again after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HALL_TYPE_WORKSPACE);
  g_clear_object (&self->client);
  G_OBJECT_CLASS (hall_workspace_parent_class)->dispose (object);
}

static void
hall_workspace_finalize (GObject *object)
{
  HallWorkspace *self = HALL_WORKSPACE (object);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_free (self->role);
  G_OBJECT_CLASS (hall_workspace_parent_class)->finalize (object);
}

static void
hall_workspace_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HallWorkspace *self = HALL_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, hall_workspace_get_folded (self));
      break;
    case PROP_VISIBLE_PAGE_NAME:
      g_value_set_string (value, hall_workspace_get_visible_page_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_workspace_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HallWorkspace *self = HALL_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      hall_workspace_set_client (self, g_value_get_object (value));
      break;
    case PROP_ROLE:
      hall_workspace_set_role (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* "workspace.show-matter" (int64 matter id): a page asks for one of its matters in full, on the
 * role's matter list ("matters"), where the person goes on working with it. */
static void
show_matter_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HallWorkspace *self = HALL_WORKSPACE (widget);
  GtkWidget     *page = hall_workspace_get_page (self, "matters");

  if (page != NULL && hall_workspace_show_page (self, "matters"))
    gtk_widget_activate_action_variant (page, "matters.show-matter", parameter);
}

static void
hall_workspace_class_init (HallWorkspaceClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hall_workspace_dispose;
  object_class->finalize = hall_workspace_finalize;
  object_class->get_property = hall_workspace_get_property;
  object_class->set_property = hall_workspace_set_property;

  properties[PROP_CLIENT] =
      g_param_spec_object ("client", NULL, NULL, HALL_TYPE_CLIENT,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ROLE] =
      g_param_spec_string ("role", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FOLDED] =
      g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VISIBLE_PAGE_NAME] =
      g_param_spec_string ("visible-page-name", NULL, NULL, NULL,
                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/shell/hall-workspace.ui");
  gtk_widget_class_bind_template_child (widget_class, HallWorkspace, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HallWorkspace, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, HallWorkspace, content_stack);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "workspace.show-matter", "x", show_matter_action);
}

static void
hall_workspace_init (HallWorkspace *self)
{
  self->pages = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (leaflet_folded_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
hall_workspace_new (void)
{
  return g_object_new (HALL_TYPE_WORKSPACE, NULL);
}

HallClient *
hall_workspace_get_client (HallWorkspace *self)
{
  g_return_val_if_fail (HALL_IS_WORKSPACE (self), NULL);
  return self->client;
}

void
hall_workspace_set_client (HallWorkspace *self,
                           HallClient    *client)
{
  g_return_if_fail (HALL_IS_WORKSPACE (self));
  g_return_if_fail (client == NULL || HALL_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;
  build_pages (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

const char *
hall_workspace_get_role (HallWorkspace *self)
{
  g_return_val_if_fail (HALL_IS_WORKSPACE (self), NULL);
  return self->role;
}

void
hall_workspace_set_role (HallWorkspace *self,
                         const char    *role)
{
  g_return_if_fail (HALL_IS_WORKSPACE (self));

  if (g_strcmp0 (self->role, role) == 0)
    return;
  g_free (self->role);
  self->role = g_strdup (role);
  build_pages (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

GtkWidget *
hall_workspace_get_page (HallWorkspace *self,
                         const char    *name)
{
  g_return_val_if_fail (HALL_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < self->pages->len; i++)
    {
      GtkStackPage *page = gtk_stack_get_page (self->content_stack, self->pages->pdata[i]);

      if (g_strcmp0 (gtk_stack_page_get_name (page), name) == 0)
        return self->pages->pdata[i];
    }
  return NULL;
}

const char *
hall_workspace_get_visible_page_name (HallWorkspace *self)
{
  const char *name;

  g_return_val_if_fail (HALL_IS_WORKSPACE (self), NULL);

  name = gtk_stack_get_visible_child_name (self->content_stack);
  return g_strcmp0 (name, "none") == 0 ? NULL : name;
}

gboolean
hall_workspace_show_page (HallWorkspace *self,
                          const char    *name)
{
  GtkWidget *page;

  g_return_val_if_fail (HALL_IS_WORKSPACE (self), FALSE);

  page = hall_workspace_get_page (self, name);
  if (page == NULL)
    return FALSE;
  gtk_stack_set_visible_child (self->content_stack, page);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list)); row;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_PAGE_NAME]);
  return TRUE;
}

gboolean
hall_workspace_get_folded (HallWorkspace *self)
{
  g_return_val_if_fail (HALL_IS_WORKSPACE (self), FALSE);
  return adw_leaflet_get_folded (self->leaflet);
}

void
hall_workspace_navigate_back (HallWorkspace *self)
{
  g_return_if_fail (HALL_IS_WORKSPACE (self));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}
