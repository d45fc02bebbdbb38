// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

/// Which media a partner receives, and how.
namespace bridge::domain {

/// How a kind of media crosses to the partner.
enum class media_relay {
  /// Copied with its caption translated (photo, video, animation,
  /// document, audio); items of an album go as one group.
  captioned,
  /// Copied as it is, with a note that it was not translated (voice,
  /// video_note: speech Bridge does not transcribe).
  note,
  /// Copied as it is (sticker).
  as_is,
  /// Not passed on (polls, locations, contacts, stories, dice, anything
  /// Bridge does not know): the writer is told.
  refused,
};

/// How media of `kind` (the Message field's name) crosses.
media_relay relay_of(std::string_view kind);

/// How /history shows a message: "[photo] caption" for media ("[photo]"
/// alone without a caption), the text as it is otherwise.
std::string with_media_mark(std::string_view kind, std::string_view text);

} // namespace bridge::domain
