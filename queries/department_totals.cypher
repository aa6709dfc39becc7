// purpose: How many units each department leads and supports: the totals beside its pages.
// params: none
// returns: id, leads, supports
// index: none: every department (a label scan) and the count of its edges of each type, read once after each
// index: write to build the dictionary of names (queries/lookups.py), so a page needs no count of its own.
MATCH (d:Department)
OPTIONAL MATCH (d)-[l:LEADS]->()
WITH d, count(l) AS leads
OPTIONAL MATCH (d)-[s:SUPPORTS]->()
RETURN d.id AS id, leads, count(s) AS supports
ORDER BY id
