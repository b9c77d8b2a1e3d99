# Judgments of each reply that a campaign may ask for after the vote (core/campaigns/judgments.ts).
judgment-ask = Optional, for the campaign: flag or rate each reply (1–5★).
# A flag button: the side (A or B) and the label.
judgment-button = { $side } · { $label }
judgment-rating-button = { $side } · { $value }★
judgment-label-spam = Spam
judgment-label-fails-task = Fails the task
judgment-label-wrong-language = Wrong language
judgment-label-inappropriate = Inappropriate
judgment-label-personal-data = Personal data
judgment-label-hate-speech = Hate speech
judgment-label-sexual-content = Sexual content
judgment-flag-set = Noted: { $side } — { $label }.
judgment-flag-removed = Removed: { $side } — { $label }.
judgment-rated = Noted: { $side } rated { $value }/{ $max }.
campaign-report-judgments = Voters' judgments of the replies
campaign-report-judged = replies judged
campaign-report-mean-rating = mean rating
