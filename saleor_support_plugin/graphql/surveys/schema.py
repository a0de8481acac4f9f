import graphene

from .mutations.survey_answer import SupportSurveyAnswerSubmit


class SurveyMutations(graphene.ObjectType):
    support_survey_answer = SupportSurveyAnswerSubmit.Field()
