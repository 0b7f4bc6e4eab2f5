// A tablemate's name as the table's sentences say it ("It is Jo's turn"). Two people at one
// table with one name are told apart by the side they bring ("Jo the family carer"), and
// with the same side too by the order they sat ("Jo the family carer (2)").

const same = (a, b) => a.name.trim().toLowerCase() === b.name.trim().toLowerCase();

function side(player) {
  const label = player.perspective_label || "";
  const bare = label.replace(/^an? /i, "");
  return bare === label ? ` (${label})` : ` the ${bare}`;
}

export function nameOf(table, playerId) {
  const player = table.players.find((p) => p.id === playerId);
  if (!player) return "someone";
  const namesakes = table.players.filter((p) => same(p, player));
  if (namesakes.length < 2) return player.name;
  const alike = namesakes.filter((p) => p.perspective === player.perspective);
  const named = player.name + (player.perspective_label ? side(player) : "");
  return alike.length < 2 ? named : `${named} (${alike.indexOf(player) + 1})`;
}
