/* hall-kiosk-page-private.h — what the kiosk's screens share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hall-kiosk-page.h"

G_BEGIN_DECLS

struct _HallKioskPage
{
  HallPage parent_instance;

  JsonObject  *info; /* hall.info: categories, departments, windows */
  JsonObject  *last_ticket;
  gint64       category_id;
  gint64       department_id;
  gint64       persons;
  guint        idle_seconds;
  int          paper_width;
  char        *export_filename;
  guint        home_id; /* back to the start: after printing, or when left alone */
  gboolean     busy;
  GtkEditable *target; /* where the on-screen keys type */
  GSettings   *settings;

  GtkStack        *stack;
  GtkLabel        *hall_label;
  GtkFlowBox      *choices_box;
  GtkLabel        *choice_label;
  GtkLabel        *persons_label;
  GtkEntry        *id_entry;
  GtkLabel        *id_error;
  AdwBin          *id_keypad_slot;
  GtkToggleButton *green_button;
  GtkLabel        *code_label;
  GtkLabel        *where_label;
  GtkLabel        *ahead_label;
  GtkLabel        *print_label;
  GtkEntry        *number_entry;
  GtkLabel        *number_error;
  GtkEntry        *code_entry;
  GtkLabel        *code_error;
  AdwBin          *query_keypad_slot;
  GtkLabel        *status_number_label;
  GtkLabel        *state_label;
  GtkLabel        *status_details_label;
};

/* Shows @screen and restarts the idle timeout. */
void _hall_kiosk_page_show (HallKioskPage *self,
                            const char    *screen);
/* Shows @message under a field (NULL hides it). */
void _hall_kiosk_page_field_error (GtkLabel   *label,
                                   const char *message);
/* A grid of big keys, each "kiosk.key" with its text; ⌫ is "kiosk.backspace". */
GtkWidget *_hall_kiosk_page_keypad_new (const char *const *keys,
                                        guint              columns);

/* The status query screen (hall-kiosk-query.c). */
void _hall_kiosk_query_init (HallKioskPage *self);
void _hall_kiosk_query_clear (HallKioskPage *self);
void _hall_kiosk_query_class_init (GtkWidgetClass *widget_class);
void _hall_kiosk_query_update_actions (HallKioskPage *self);

G_END_DECLS
