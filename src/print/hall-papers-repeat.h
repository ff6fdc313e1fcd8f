/* hall-papers-repeat.h — the notice of a repeat petition (重复信访告知书, 条例 19) and of one not
 * accepted after a final re-review (不予受理告知书, 条例 36)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "hall-document.h"

G_BEGIN_DECLS

/* From matter.register's reply when it recorded a repeat ("outcome" "repeat" or "refused"):
 * the earlier matter's number and state, or that its re-review is final. @names: the people who
 * came, as the form had them ("张伟、李娜"); never an ID number. Fails on any other reply. */
HallDocument *hall_paper_repeat_notice (JsonObject *register_reply,
                                        const char *names,
                                        const char *hall_name,
                                        const char *today,
                                        GError    **error);

G_END_DECLS
