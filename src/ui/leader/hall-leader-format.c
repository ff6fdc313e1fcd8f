/* hall-leader-format.c — the words and badges of the leaders' pages: which time limit runs, how a
 * deadline stands, whether a step is done
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-leader-format"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "hall-leader-format.h"

const char *
_hall_leader_format_clock_label (const char *clock)
{
  if (g_strcmp0 (clock, "decision") == 0)
    /* Translators: the 15-day limit to accept or decline a matter */
    return _ ("Decision deadline");
  if (g_strcmp0 (clock, "handling") == 0)
    /* Translators: the 60-day handling limit of an accepted matter */
    return _ ("Handling deadline");
  if (g_strcmp0 (clock, "objection") == 0)
    return _ ("Objection window");
  if (g_strcmp0 (clock, "review") == 0)
    return _ ("Review deadline");
  if (g_strcmp0 (clock, "rereview") == 0)
    return _ ("Re-review deadline");
  return clock != NULL ? clock : "";
}

void
_hall_leader_format_due_badge (GtkLabel   *badge,
                               gint64      days_left,
                               gboolean    overdue,
                               const char *due)
{
  g_autofree char *text = NULL;
  g_autofree char *with_due = NULL;
  GtkWidget       *widget = GTK_WIDGET (badge);

  if (overdue)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue", "%d days overdue",
                                         MAX (-days_left, 1)),
                            (int) MAX (-days_left, 1));
  else if (days_left == 0)
    text = g_strdup (_ ("Due today"));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left", days_left),
                            (int) days_left);
  /* Translators: a deadline's state and its date, "3 days left (2026-10-20)" */
  with_due = due != NULL && *due ? g_strdup_printf (_ ("%s (%s)"), text, due) : g_strdup (text);
  gtk_label_set_text (badge, with_due);

  gtk_widget_add_css_class (widget, "state-badge");
  gtk_widget_remove_css_class (widget, "over-norm-badge");
  gtk_widget_remove_css_class (widget, "state-paused");
  gtk_widget_remove_css_class (widget, "state-open");
  if (overdue)
    gtk_widget_add_css_class (widget, "over-norm-badge");
  else if (days_left <= 3)
    gtk_widget_add_css_class (widget, "state-paused");
  else
    gtk_widget_add_css_class (widget, "state-open");
}

void
_hall_leader_format_state_badge (GtkWidget *badge,
                                 gboolean   done)
{
  gtk_widget_add_css_class (badge, "state-badge");
  gtk_widget_remove_css_class (badge, done ? "state-paused" : "state-open");
  gtk_widget_add_css_class (badge, done ? "state-open" : "state-paused");
}

char *
_hall_leader_format_add_days (const char *today,
                              int         days)
{
  int y, m, d;
  g_autoptr (GDate) date = NULL;
  char buf[16];

  if (today == NULL || sscanf (today, "%4d-%2d-%2d", &y, &m, &d) != 3
      || !g_date_valid_dmy (d, m, y))
    return g_strdup ("");
  date = g_date_new_dmy (d, m, y);
  g_date_add_days (date, days);
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", date);
  return g_strdup (buf);
}
