"""Priors for "what did X say (about Y)": what the answerer adds to the learned score for someone's words.

Whose words a sentence is beyond a name match (`speaker`: a role asked, a body that said it),
the words describing X that are not X's words on Y (`description`), the quotation that answers
the topic its paragraph's reporter sets (`paragraph`), of X's statements the one on Y (`topic`),
the one that looks ahead when what is to come is asked (`outlook`), "he said" read as X's
where the story named X last (`antecedent`), and X under the longer or shorter name the same story
gives X (`short_form`).
"""
