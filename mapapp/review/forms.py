"""The one form behind every choice in the review queue, validated on the server."""
import re

from django import forms

NOT_A_PLACE = "not-place"
POINT = "point"
_CANDIDATE = re.compile(r"^candidate-(\d{1,3})$")
# rule_scope values: "" no rule; "*" every story; a country code: stories about it.
EVERY_STORY = "*"


class ReviewChoiceForm(forms.Form):
    """An editor's choice for one name: a candidate ("candidate-<n>"), "not-place", or
    "point" with a latitude and longitude; optionally saved as a rule."""

    name = forms.CharField(max_length=300)
    choice = forms.CharField(max_length=20)
    latitude = forms.FloatField(
        required=False, min_value=-90, max_value=90,
        error_messages={
            "min_value": "Latitude must be between -90 and 90 degrees (south is negative).",
            "max_value": "Latitude must be between -90 and 90 degrees (south is negative).",
            "invalid": "Latitude must be a number of degrees, e.g. 34.43.",
        },
    )
    longitude = forms.FloatField(
        required=False, min_value=-180, max_value=180,
        error_messages={
            "min_value": "Longitude must be between -180 and 180 degrees (west is negative).",
            "max_value": "Longitude must be between -180 and 180 degrees (west is negative).",
            "invalid": "Longitude must be a number of degrees, e.g. 35.84.",
        },
    )
    place_name = forms.CharField(max_length=200, required=False)
    rule_scope = forms.CharField(max_length=2, required=False)

    def __init__(self, *args, candidates_count: int = 0, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.candidates_count = candidates_count

    def clean_rule_scope(self) -> str | None:
        scope = self.cleaned_data.get("rule_scope") or ""
        if scope == "":
            return None
        if scope == EVERY_STORY:
            return ""
        if not re.fullmatch(r"[A-Z]{2}", scope):
            raise forms.ValidationError("Choose a country code for the rule, e.g. LB.")
        return scope

    def clean(self) -> dict:
        data = super().clean()
        choice = data.get("choice", "")
        match = _CANDIDATE.match(choice)
        if match:
            index = int(match.group(1))
            if index >= self.candidates_count:
                raise forms.ValidationError("That candidate is not offered for this name.")
            data["candidate_index"] = index
        elif choice == POINT:
            for axis in ("latitude", "longitude"):
                if data.get(axis) is None and axis not in self.errors:
                    self.add_error(axis, f"Set the point on the map or type its {axis}.")
        elif choice != NOT_A_PLACE:
            raise forms.ValidationError("Unknown choice.")
        return data
