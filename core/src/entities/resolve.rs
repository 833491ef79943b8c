//! Resolution: merging the mentions of every document into entities, one per real-world thing.
//!
//! Mentions are keyed by their folded surface (diacritics and case removed, known aliases such
//! as US / U.S. / United States mapped to one name, acronyms defined in the text mapped to their
//! expansion). Then single-word person mentions join the unique full name with that surname,
//! and role phrases ("the Serbian president") join the person who holds that role.

use super::gazetteer;
use super::{DocSpan, Entity, EntityTable, Kind, Mention};
use crate::text::fold;
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet};

/// Roles that a role phrase's noun can stand for ("leader" for a president, too).
fn role_matches(phrase_role: &str, title: &str) -> bool {
    let title = title.trim_end_matches('.');
    let head = |s: &str| s.rsplit(' ').next().unwrap_or(s).to_string();
    match phrase_role {
        "leader" | "head of state" | "chief" => {
            matches!(
                head(title).as_str(),
                "president"
                    | "minister"
                    | "leader"
                    | "chancellor"
                    | "premier"
                    | "king"
                    | "queen"
                    | "chief"
                    | "head"
            ) || title.contains("secretary")
        }
        "secretary general" | "secretary-general" => title.contains("secretary"),
        role => head(title) == head(role) || title == role,
    }
}

struct Group {
    kind_votes: BTreeMap<Kind, usize>,
    /// The kind the votes and titles give ([`Group::vote`]), once they are all in.
    kind: Kind,
    titled: bool,
    titles: BTreeSet<String>,
    surfaces: BTreeMap<String, usize>,
    canonical: Option<String>,
    mentions: Vec<DocSpan>,
    value: Option<String>,
}

impl Group {
    fn new() -> Group {
        Group {
            kind_votes: BTreeMap::new(),
            kind: Kind::Other,
            titled: false,
            titles: BTreeSet::new(),
            surfaces: BTreeMap::new(),
            canonical: None,
            mentions: Vec::new(),
            value: None,
        }
    }

    fn vote(&self) -> Kind {
        if self.titled {
            return Kind::Person;
        }
        let specific = self
            .kind_votes
            .iter()
            .filter(|(k, _)| **k != Kind::Other)
            .max_by_key(|(k, n)| (**n, std::cmp::Reverse(**k)));
        specific
            .or_else(|| self.kind_votes.iter().next())
            .map_or(Kind::Other, |(k, _)| *k)
    }
}

fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("’s")
        .or_else(|| s.strip_suffix("'s"))
        .unwrap_or(s)
}

pub fn resolve(texts: &[&str], mentions: Vec<Vec<Mention>>) -> EntityTable {
    let g = gazetteer::get();
    // By key; where the order of keys matters, they are sorted (a hash map: a batch has tens of
    // thousands of groups and ten times as many mentions).
    let mut groups: FxHashMap<String, Group> = FxHashMap::default();
    let mut roles: Vec<(usize, Mention)> = Vec::new();

    for (doc, list) in mentions.into_iter().enumerate() {
        let text = texts[doc];
        for m in list {
            if m.role_phrase {
                roles.push((doc, m));
                continue;
            }
            let surface = strip_possessive(&text[m.start..m.end]);
            let folded = fold(surface);
            let (key, canonical) = match m.kind {
                Kind::Date | Kind::Quantity => (
                    format!(
                        "{:?}:{}",
                        m.kind,
                        m.value.clone().unwrap_or_else(|| folded.clone())
                    ),
                    None,
                ),
                _ => {
                    let target = m.alias_of.clone().unwrap_or(folded);
                    match g.aliases.get(target.as_str()) {
                        Some(c) => (fold(c), Some(c.to_string())),
                        None => (target, None),
                    }
                }
            };
            let group = groups.entry(key).or_insert_with(Group::new);
            *group.kind_votes.entry(m.kind).or_default() += 1;
            if let Some(t) = &m.role {
                group.titled |= m.kind == Kind::Person;
                group.titles.insert(t.clone());
            }
            match group.surfaces.get_mut(surface) {
                Some(n) => *n += 1,
                None => {
                    group.surfaces.insert(surface.to_string(), 1);
                }
            }
            group.canonical = group.canonical.take().or(canonical);
            if group.value.is_none() {
                group.value = m.value.clone();
            }
            group.mentions.push(DocSpan {
                doc,
                start: m.start,
                end: m.start + surface.len(),
            });
        }
    }

    // An acronym group and its expansion ("kfor" ← "kosovo force") are merged by the alias keys
    // above; an acronym used in a document without its definition falls back to its own key.
    // Each group's kind is settled now: nothing below adds votes or titled mentions.
    for group in groups.values_mut() {
        group.kind = group.vote();
    }

    // Surname-only mentions join the one full name (two words or more) ending in that word.
    let mut by_surname: FxHashMap<String, Vec<String>> = FxHashMap::default();
    for (key, group) in &groups {
        if group.kind == Kind::Person && key.contains(' ') {
            if let Some(last) = key.rsplit(' ').next() {
                by_surname
                    .entry(last.to_string())
                    .or_default()
                    .push(key.clone());
            }
        }
    }
    let singles: Vec<String> = groups
        .iter()
        .filter(|(k, grp)| {
            !k.contains(' ') && !k.contains(':') && matches!(grp.kind, Kind::Person | Kind::Other)
        })
        .map(|(k, _)| k.clone())
        .collect();
    for key in singles {
        let Some(full) = by_surname
            .get(&key)
            .filter(|v| v.len() == 1)
            .map(|v| v[0].clone())
        else {
            continue;
        };
        if let Some(single) = groups.remove(&key) {
            let target = groups.get_mut(&full).expect("full name group exists");
            for (s, n) in single.surfaces {
                *target.surfaces.entry(s).or_default() += n;
            }
            target.titles.extend(single.titles);
            target.mentions.extend(single.mentions);
        }
    }

    // Role phrases join the person holding that role: the latest one named before the phrase
    // in the same document, else the one named most often in it. Unresolved phrases are dropped.
    let mut person_spans: FxHashMap<usize, Vec<(usize, String)>> = FxHashMap::default();
    let mut keys: Vec<&String> = groups.keys().collect();
    keys.sort_unstable();
    for (key, group) in keys.into_iter().map(|k| (k, &groups[k])) {
        if group.kind == Kind::Person {
            for m in &group.mentions {
                person_spans
                    .entry(m.doc)
                    .or_default()
                    .push((m.start, key.clone()));
            }
        }
    }
    let mut role_joins: Vec<(String, usize, Mention)> = Vec::new();
    for (doc, m) in roles {
        let role = m.role.clone().unwrap_or_default();
        let Some(spans) = person_spans.get(&doc) else {
            continue;
        };
        let holders: Vec<&(usize, String)> = spans
            .iter()
            .filter(|(_, key)| groups[key].titles.iter().any(|t| role_matches(&role, t)))
            .collect();
        let before = holders
            .iter()
            .filter(|(s, _)| *s < m.start)
            .max_by_key(|(s, _)| *s);
        let chosen = before.map(|(_, k)| k.clone()).or_else(|| {
            let mut counts: BTreeMap<&String, usize> = BTreeMap::new();
            for (_, k) in &holders {
                *counts.entry(k).or_default() += 1;
            }
            counts
                .into_iter()
                .max_by_key(|(_, n)| *n)
                .map(|(k, _)| k.clone())
        });
        if let Some(key) = chosen {
            role_joins.push((key, doc, m));
        }
    }
    for (key, doc, m) in role_joins {
        if let Some(group) = groups.get_mut(&key) {
            *group
                .surfaces
                .entry(texts[doc][m.start..m.end].to_string())
                .or_default() += 1;
            group.mentions.push(DocSpan {
                doc,
                start: m.start,
                end: m.end,
            });
        }
    }

    let mut entities: Vec<(String, Entity)> = groups
        .into_iter()
        .map(|(key, mut group)| {
            group.mentions.sort();
            group.mentions.dedup();
            let kind = group.kind;
            let name = group
                .canonical
                .clone()
                .unwrap_or_else(|| canonical_name(&group.surfaces));
            let entity = Entity {
                name,
                kind,
                aliases: group.surfaces.into_keys().collect(),
                mentions: group.mentions,
                value: group.value,
            };
            (key, entity)
        })
        .collect();
    entities.sort_unstable_by(|(ka, a), (kb, b)| (a.kind, &a.name, ka).cmp(&(b.kind, &b.name, kb)));
    EntityTable::new(entities.into_iter().map(|(_, e)| e).collect(), texts.len())
}

/// The fullest form seen, preferring proper names over role phrases and accented spellings
/// (Vučić over Vucic); ties broken alphabetically so the choice never depends on input order.
fn canonical_name(surfaces: &BTreeMap<String, usize>) -> String {
    let rank = |s: &str, n: usize| {
        let words = s.split_whitespace().count().min(4);
        let accents = s.chars().filter(|c| !c.is_ascii()).count();
        (words, accents, n)
    };
    surfaces
        .iter()
        // (Only ASCII letters lower-case to those of "the ".)
        .filter(|(s, _)| !s.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("the ")))
        .max_by(|(a, m), (b, n)| rank(a, **m).cmp(&rank(b, **n)).then_with(|| b.cmp(a)))
        .or_else(|| surfaces.iter().next())
        .map(|(s, _)| s.clone())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::super::{recognise, resolve};
    use super::*;

    fn entity<'a>(table: &'a EntityTable, name: &str) -> &'a Entity {
        table
            .entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| {
                panic!(
                    "no {name}: {:?}",
                    table
                        .entities
                        .iter()
                        .map(|e| (&e.name, e.kind))
                        .collect::<Vec<_>>()
                )
            })
    }

    #[test]
    fn spellings_surnames_and_roles_merge_across_documents() {
        let texts = [
            "Serbian President Aleksandar Vucic met envoys. Vucic said he was ready. “We agree,” the Serbian president said.",
            "Serbia’s President Aleksandar Vučić spoke in Belgrade. Vučić added that the U.S. and the United States are one.",
        ];
        let mentions = texts.iter().map(|t| recognise(t, None)).collect();
        let table = resolve(&texts, mentions);
        let v = entity(&table, "Aleksandar Vučić");
        assert_eq!(v.kind, Kind::Person);
        for alias in [
            "Aleksandar Vucic",
            "Vucic",
            "Vučić",
            "the Serbian president",
        ] {
            assert!(
                v.aliases.iter().any(|a| a == alias),
                "{alias} in {:?}",
                v.aliases
            );
        }
        let us = entity(&table, "United States");
        assert_eq!(us.kind, Kind::Place);
        assert!(us.aliases.contains(&"U.S.".to_string()));
    }

    #[test]
    fn acronyms_join_their_expansion() {
        let texts = [
            "NATO’s Kosovo Force (KFOR) has been there since 1999.",
            "KFOR keeps saying it protects everyone.",
        ];
        let mentions = texts.iter().map(|t| recognise(t, None)).collect();
        let table = resolve(&texts, mentions);
        let kfor = entity(&table, "KFOR");
        assert_eq!(kfor.kind, Kind::Organization);
        assert!(kfor.aliases.contains(&"Kosovo Force".to_string()));
        assert_eq!(
            kfor.mentions
                .iter()
                .map(|m| m.doc)
                .collect::<BTreeSet<_>>()
                .len(),
            2
        );
    }
}
