using CrmPlatform.Customers.Domain;

namespace CrmPlatform.Customers.Tests.Domain;

public sealed class CommitmentRulesTests
{
    [Theory]
    [InlineData(5, 5, 1, 5, 100, CommitmentSegment.Entrenched, CommitmentSegment.StronglyUnavailable)]
    [InlineData(4, 4, 2, 3, 71, CommitmentSegment.Average, CommitmentSegment.WeaklyUnavailable)]
    [InlineData(3, 3, 3, 3, 50, CommitmentSegment.Average, CommitmentSegment.WeaklyUnavailable)]
    [InlineData(3, 2, 3, 2, 40, CommitmentSegment.Shallow, CommitmentSegment.Ambivalent)]
    [InlineData(2, 2, 4, 2, 25, CommitmentSegment.Convertible, CommitmentSegment.Available)]
    [InlineData(1, 1, 5, 1, 0, CommitmentSegment.Convertible, CommitmentSegment.Available)]
    public void The_four_answers_give_a_score_and_a_segment_for_customers_and_non_customers(
        int satisfaction, int involvement, int appeal, int difference, int score, CommitmentSegment customer, CommitmentSegment nonCustomer)
    {
        var asCustomer = CommitmentRules.Assess(new CommitmentAnswers(true, satisfaction, involvement, appeal, difference), "answers");
        var asNonCustomer = CommitmentRules.Assess(new CommitmentAnswers(false, satisfaction, involvement, appeal, difference), "answers");

        Assert.Equal(score, asCustomer.Score);
        Assert.Equal(customer, asCustomer.Segment);
        Assert.Equal(nonCustomer, asNonCustomer.Segment);
        Assert.Equal(score >= 50, asCustomer.IsCommitted);
        Assert.False(asNonCustomer.IsCommitted);
    }

    [Theory]
    [InlineData(0, 3, 3, 3, "answers.satisfaction")]
    [InlineData(3, 6, 3, 3, "answers.involvement")]
    [InlineData(3, 3, -1, 3, "answers.alternative_appeal")]
    [InlineData(3, 3, 3, 9, "answers.difference")]
    public void Answers_outside_one_to_five_are_rejected_naming_the_question(int s, int i, int a, int d, string field)
    {
        Assert.Equal(field, Assert.Throws<InvalidFieldException>(
            () => CommitmentRules.Assess(new CommitmentAnswers(true, s, i, a, d), "answers")).Field);
    }
}
